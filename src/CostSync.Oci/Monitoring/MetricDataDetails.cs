namespace CostSync.Oci.Monitoring;

/// <summary>One metric (namespace, name, dimensions) with raw data points.</summary>
/// <param name="Namespace">Starts with a letter; letters, digits and underscores; not <c>oci_</c> or <c>oracle_</c>.</param>
/// <param name="CompartmentId">The compartment the metric belongs to.</param>
/// <param name="Name">The metric name, e.g. <c>last_run_status</c>.</param>
/// <param name="Dimensions">Key-value qualifiers; at least one.</param>
/// <param name="Datapoints">Values with timestamps (less than two hours old).</param>
public sealed record MetricDataDetails(
    string Namespace,
    string CompartmentId,
    string Name,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyList<Datapoint> Datapoints)
{
    /// <summary>A custom string to group metrics by, e.g. the host name.</summary>
    public string? ResourceGroup { get; init; }

    /// <summary>Properties that do not identify the metric, e.g. <c>unit</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
