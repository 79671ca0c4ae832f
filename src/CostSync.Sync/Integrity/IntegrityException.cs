namespace CostSync.Sync.Integrity;

/// <summary>Bytes read or written did not match what the source or destination said they should be (digest, length, ETag).</summary>
/// <remarks>Always worth another attempt: the cause is damage or truncation on the way, and nothing was stored.</remarks>
public sealed class IntegrityException : Exception
{
    public IntegrityException()
    {
    }

    public IntegrityException(string message)
        : base(message)
    {
    }

    public IntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
