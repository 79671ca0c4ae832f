namespace CostSync.Configuration;

/// <summary>OCI Monitoring custom metrics; bound from <c>CostSync:Metrics:OciMonitoring</c>.</summary>
internal sealed class OciMonitoringOptions
{
    /// <summary>The compartment the metrics belong to (a compartment or the tenancy OCID). <value>Default: empty, meaning no posting.</value></summary>
    public string? CompartmentId { get; set; }

    /// <summary>The metric namespace (letters, digits, underscores; not <c>oci_</c> or <c>oracle_</c>). <value>Default: <c>costsync</c>.</value></summary>
    public string Namespace { get; set; } = CostSyncDefaults.MetricsNamespace;
}
