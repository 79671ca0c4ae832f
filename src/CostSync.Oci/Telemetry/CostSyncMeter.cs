namespace CostSync.Oci.Telemetry;

/// <summary>The one <see cref="System.Diagnostics.Metrics.Meter"/> every CostSync project records into, and the instrument names shared across projects.</summary>
public static class CostSyncMeter
{
    /// <summary>The meter name (what OpenTelemetry's <c>AddMeter</c> and <c>MetricCollector</c> subscribe to).</summary>
    public const string Name = "CostSync";

    /// <summary>Counter of retried calls, tagged <c>side</c> (<c>oci</c> or <c>s3</c>) and <c>outcome</c> (status code or failure type).</summary>
    public const string Retries = "costsync.retries";
}
