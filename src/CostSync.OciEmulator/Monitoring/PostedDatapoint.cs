namespace CostSync.OciEmulator.Monitoring;

/// <summary>A data point of a <see cref="PostedMetric"/>.</summary>
internal sealed record PostedDatapoint(DateTimeOffset Timestamp, double Value, int Count);
