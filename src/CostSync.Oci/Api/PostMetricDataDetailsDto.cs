namespace CostSync.Oci.Api;

/// <summary>Wire shape of the PostMetricData body.</summary>
internal sealed record PostMetricDataDetailsDto(IReadOnlyList<MetricDataDetailsDto> MetricData, string? BatchAtomicity);
