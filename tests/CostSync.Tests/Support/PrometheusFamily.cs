namespace CostSync.Tests.Support;

/// <summary>One metric family of a Prometheus text file.</summary>
internal sealed record PrometheusFamily(string Name, string Help, string? Type, List<PrometheusSample> Samples)
{
    /// <summary>The value of the only sample (throws when there is not exactly one).</summary>
    public double Value => Samples.Single().Value;

    public double ValueWith(string label, string value) => Samples.Single(s => s.Labels.TryGetValue(label, out var v) && v == value).Value;
}
