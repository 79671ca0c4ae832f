namespace CostSync.Oci.Monitoring;

/// <summary>OCI Monitoring's ingestion side, shaped like the OCI SDK's <c>MonitoringClient</c> (only <c>PostMetricData</c>).</summary>
public interface IMonitoringClient
{
    /// <summary>Posts custom metric data points to the telemetry ingestion endpoint. Sent once, never retried.</summary>
    /// <exception cref="OciServiceException">The service answered with an error, or did not answer.</exception>
    Task<PostMetricDataResponse> PostMetricDataAsync(PostMetricDataRequest request, CancellationToken cancellationToken);
}
