namespace CostSync.State;

/// <summary>The state directory cannot be used; the message says which one and how to fix it.</summary>
internal sealed class StateDirectoryException : Exception
{
    public StateDirectoryException()
    {
    }

    public StateDirectoryException(string message)
        : base(message)
    {
    }

    public StateDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
