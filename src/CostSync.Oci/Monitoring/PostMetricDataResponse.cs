namespace CostSync.Oci.Monitoring;

/// <summary>The answer to PostMetricData: which metric objects failed validation, and why.</summary>
public sealed record PostMetricDataResponse(int FailedMetricsCount, IReadOnlyList<FailedMetricRecord> FailedMetrics, string? OpcRequestId);
