namespace CostSync.Sync.Destinations.S3;

/// <summary>One request's place in an <see cref="S3RequestGate"/>: completed with the answer's status, or disposed without one (no answer).</summary>
internal sealed class S3RequestLease(S3RequestGate gate, int round) : IDisposable
{
    private int _done;

    /// <summary>Gives the place back, telling the gate how S3 answered.</summary>
    public void Complete(int status)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            gate.Complete(round, status);
        }
    }

    /// <summary>Gives the place back without an answer (a reset or a cancelled request); a completed lease is not given back twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            gate.Complete(round, null);
        }
    }
}
