namespace CostSync.Oci;

/// <summary>The OCI settings, config file or key file are wrong; the message names the file, profile or key and the fix.</summary>
public sealed class OciConfigurationException : Exception
{
    public OciConfigurationException()
    {
    }

    public OciConfigurationException(string message)
        : base(message)
    {
    }

    public OciConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
