namespace CostSync.Metrics;

/// <summary>Sends the metrics of a finished run somewhere (textfile, OCI Monitoring); never throws for delivery failures.</summary>
internal interface IRunMetricsExporter
{
    Task ExportAsync(RunMetrics metrics, CancellationToken cancellationToken);
}
