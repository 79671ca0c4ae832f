using CostSync.Sync;

namespace CostSync.Metrics;

/// <summary>The metrics of the last run, as every exporter (textfile, OCI Monitoring, the meter's gauges) sees them.</summary>
/// <param name="At">When the snapshot was taken (the run's end).</param>
/// <param name="LastRunAt">When the last run started.</param>
/// <param name="LastSuccessAt">When the last successful run started; null if none ever did.</param>
/// <param name="Status">The last run's outcome.</param>
/// <param name="Duration">The last run's duration.</param>
/// <param name="ObjectsCopied">Objects the last run copied (new and changed).</param>
/// <param name="BytesCopied">Bytes the last run copied.</param>
/// <param name="ObjectsFailed">Objects the last run could not copy or delete.</param>
/// <param name="Totals">Counts over all runs on this machine.</param>
internal sealed record RunMetrics(
    DateTimeOffset At,
    DateTimeOffset LastRunAt,
    DateTimeOffset? LastSuccessAt,
    SyncRunStatus Status,
    TimeSpan Duration,
    int ObjectsCopied,
    long BytesCopied,
    int ObjectsFailed,
    MetricsTotals Totals)
{
    /// <summary>0 succeeded, 1 partially failed, 2 failed (the value alarms compare against).</summary>
    public int StatusCode => Status switch
    {
        SyncRunStatus.Succeeded => 0,
        SyncRunStatus.PartiallyFailed => 1,
        _ => 2,
    };

    /// <summary>The newest source report's age at <see cref="At"/>; null when no listing has ever found one.</summary>
    public TimeSpan? NewestReportAge => Totals.NewestReportAt is { } newest ? At - newest : null;

    /// <summary>Time since the last successful run started, at <see cref="At"/>; null if none ever did.</summary>
    public TimeSpan? SinceLastSuccess => LastSuccessAt is { } success ? At - success : null;
}
