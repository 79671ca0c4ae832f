namespace CostSync.Oci.Telemetry;

/// <summary>Retried calls per side, as counted by a <see cref="RetryTally"/>.</summary>
/// <param name="Oci">OCI calls retried by the resilience handlers (429, 5xx, timeouts, resets).</param>
/// <param name="S3">S3 calls retried by the AWS SDK.</param>
public readonly record struct RetryCounts(long Oci, long S3)
{
    /// <summary>The retries counted since <paramref name="earlier"/>.</summary>
    /// <param name="earlier">A snapshot taken before this one.</param>
    public RetryCounts Since(RetryCounts earlier) => new(Oci - earlier.Oci, S3 - earlier.S3);
}
