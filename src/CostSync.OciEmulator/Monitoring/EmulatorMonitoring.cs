using System.Collections.Concurrent;

namespace CostSync.OciEmulator.Monitoring;

/// <summary>Custom metric data accepted by PostMetricData, in arrival order. Thread-safe.</summary>
internal sealed class EmulatorMonitoring
{
    private readonly ConcurrentQueue<PostedMetric> _metrics = new();

    /// <summary>Every accepted metric object, oldest first.</summary>
    public IReadOnlyList<PostedMetric> Metrics => [.. _metrics];

    internal void Record(PostedMetric metric) => _metrics.Enqueue(metric);
}
