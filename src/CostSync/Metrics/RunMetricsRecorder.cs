using CostSync.Logging;
using CostSync.State;
using CostSync.Sync;
using Microsoft.Extensions.Logging;

namespace CostSync.Metrics;

/// <summary>
/// After each run: adds it to the persisted totals, records the meter's instruments and hands the same snapshot to every
/// exporter (textfile, OCI Monitoring). Nothing here can fail a run.
/// </summary>
internal sealed class RunMetricsRecorder(
    MetricsTotalsStore totals,
    HostMetrics instruments,
    IEnumerable<IRunMetricsExporter> exporters,
    TimeProvider timeProvider,
    ILogger<RunMetricsRecorder> logger)
{
    public async Task OnRunCompletedAsync(SyncRunResult result, RunHistory history, CancellationToken cancellationToken)
    {
        MetricsTotals sums;
        try
        {
            sums = await totals.AddAsync(result, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StateDirectoryException)
        {
            Log.MetricsStateFailed(logger, ex.Message);
            sums = MetricsTotals.Zero with { NewestReportAt = result.NewestSourceObjectTime };
        }

        var t = result.Totals;
        var metrics = new RunMetrics(
            timeProvider.GetUtcNow(),
            history.LastRunAt ?? result.StartedAt,
            history.LastSuccessfulRunAt,
            result.Status,
            result.Duration,
            t.Copied + t.Changed,
            t.Bytes,
            t.Failed,
            sums);
        instruments.Record(result, metrics);
        foreach (var exporter in exporters)
        {
            await exporter.ExportAsync(metrics, cancellationToken);
        }
    }
}
