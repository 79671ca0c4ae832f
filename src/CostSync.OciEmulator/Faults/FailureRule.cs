using System.Net;

namespace CostSync.OciEmulator.Faults;

/// <summary>Fail every <see cref="EveryNth"/> matching request with <see cref="Status"/>.</summary>
internal sealed class FailureRule(int everyNth, HttpStatusCode status, string? operation)
{
    private int _seen;

    public int EveryNth { get; } = everyNth;

    public HttpStatusCode Status { get; } = status;

    /// <summary>Counts the request if it matches; true when this one must fail.</summary>
    public bool Hit(string requestOperation) =>
        (operation is null || string.Equals(operation, requestOperation, StringComparison.Ordinal))
        && Interlocked.Increment(ref _seen) % EveryNth == 0;
}
