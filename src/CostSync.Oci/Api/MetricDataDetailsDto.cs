namespace CostSync.Oci.Api;

/// <summary>Wire shape of one metric object in PostMetricData.</summary>
internal sealed record MetricDataDetailsDto(
    string? Namespace,
    string? ResourceGroup,
    string? CompartmentId,
    string? Name,
    IReadOnlyDictionary<string, string>? Dimensions,
    IReadOnlyDictionary<string, string>? Metadata,
    IReadOnlyList<DatapointDto>? Datapoints);
