namespace CostSync.Oci.Monitoring;

/// <summary>A metric object the service rejected: its name and the reason.</summary>
public sealed record FailedMetricRecord(string? MetricName, string Message);
