namespace CostSync.Sync.Transfer;

/// <summary>An object this configuration cannot copy however often it tries (e.g. its parts would not fit the memory budget); never retried.</summary>
public sealed class TransferLimitException : Exception
{
    public TransferLimitException()
    {
    }

    public TransferLimitException(string message)
        : base(message)
    {
    }

    public TransferLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
