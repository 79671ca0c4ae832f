namespace CostSync.Oci.Telemetry;

/// <summary>
/// Running totals of retried calls per side, for one process (one per service provider): the OCI clients' resilience handlers
/// and the S3 client count into it, and a run reports the difference between two <see cref="Snapshot"/>s. Thread-safe.
/// </summary>
public sealed class RetryTally
{
    private long _oci;
    private long _s3;

    /// <summary>Counts one retried OCI call attempt.</summary>
    public void OciRetried() => Interlocked.Increment(ref _oci);

    /// <summary>Counts <paramref name="count"/> retried S3 call attempts.</summary>
    /// <param name="count">Retries to add; not negative.</param>
    public void S3Retried(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _s3, count);
    }

    /// <summary>The totals so far.</summary>
    public RetryCounts Snapshot() => new(Interlocked.Read(ref _oci), Interlocked.Read(ref _s3));
}
