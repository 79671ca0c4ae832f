namespace CostSync.Oci.Api;

/// <summary>Wire shape of one rejected metric object.</summary>
internal sealed record FailedMetricRecordDto(string? Message, MetricDataDetailsDto? MetricData);
