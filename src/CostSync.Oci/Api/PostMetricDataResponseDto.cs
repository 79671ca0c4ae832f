namespace CostSync.Oci.Api;

/// <summary>Wire shape of the PostMetricData answer.</summary>
internal sealed record PostMetricDataResponseDto(int? FailedMetricsCount, IReadOnlyList<FailedMetricRecordDto>? FailedMetrics);
