namespace CostSync.Sync.Destinations;

/// <summary>The destination refused a write, e.g. because its Content-MD5 did not match or overwrite protection applied.</summary>
public sealed class DestinationRejectedException : Exception
{
    public DestinationRejectedException()
    {
    }

    public DestinationRejectedException(string message)
        : base(message)
    {
    }

    public DestinationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the cause was a digest mismatch (worth retrying: the bytes were damaged on the way).</summary>
    public bool IsDigestMismatch { get; init; }
}
