namespace CostSync.Sync.Transfer;

/// <summary>A listed source object answered 404 when read: it left the source (bling keeps reports one year) after the listing.</summary>
/// <remarks>Not a failure of the run: the object is reported as "source gone", and in AppendOnly mode an archived copy stays.</remarks>
public sealed class SourceGoneException : Exception
{
    public SourceGoneException()
    {
    }

    public SourceGoneException(string message)
        : base(message)
    {
    }

    public SourceGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
