namespace CostSync.Oci.Monitoring;

/// <summary>A metric value at a point in time.</summary>
/// <param name="Timestamp">When the value was measured.</param>
/// <param name="Value">The value.</param>
/// <param name="Count">How many occurrences the value stands for; the service default is 1.</param>
public sealed record Datapoint(DateTimeOffset Timestamp, double Value, int? Count = null);
