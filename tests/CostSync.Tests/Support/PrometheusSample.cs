namespace CostSync.Tests.Support;

/// <summary>One sample: labels and value.</summary>
internal sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value);
