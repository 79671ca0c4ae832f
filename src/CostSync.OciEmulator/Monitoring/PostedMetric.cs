namespace CostSync.OciEmulator.Monitoring;

/// <summary>One metric object as PostMetricData accepted it.</summary>
internal sealed record PostedMetric(
    string Namespace,
    string CompartmentId,
    string Name,
    string? ResourceGroup,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyList<PostedDatapoint> Datapoints);
