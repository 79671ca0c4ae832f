namespace CostSync.OciEmulator.Faults;

/// <summary>Holds the <see cref="Nth"/> request of one operation (counting from 1) in an <see cref="ObjectHold"/>; other requests pass.</summary>
internal sealed class NthRequestHold(string operation, int nth)
{
    private int _seen;

    public ObjectHold Hold { get; } = new($"{operation} #{nth}");

    public int Nth { get; } = nth;

    /// <summary>Counts the request if it is of the operation; waits in the hold when it is the Nth.</summary>
    public Task EnterIfNthAsync(string requestOperation, CancellationToken cancellationToken) =>
        string.Equals(operation, requestOperation, StringComparison.Ordinal) && Interlocked.Increment(ref _seen) == Nth
            ? Hold.EnterAsync(cancellationToken)
            : Task.CompletedTask;
}
