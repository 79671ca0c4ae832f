namespace CostSync.Configuration;

/// <summary>Where run metrics go (each way is optional); bound from <c>CostSync:Metrics</c>.</summary>
internal sealed class MetricsOptions
{
    /// <summary>
    /// A Prometheus text file for node_exporter's textfile collector, rewritten after every run (must end in <c>.prom</c>).
    /// <value>Default: empty, meaning no file.</value>
    /// </summary>
    public string? TextfilePath { get; set; }

    /// <summary>Export the <c>CostSync</c> meter over OTLP.</summary>
    public OtlpMetricsOptions Otlp { get; set; } = new();

    /// <summary>Post run metrics to OCI Monitoring as custom metrics.</summary>
    public OciMonitoringOptions OciMonitoring { get; set; } = new();
}
