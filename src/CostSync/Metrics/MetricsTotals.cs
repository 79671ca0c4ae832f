namespace CostSync.Metrics;

/// <summary>
/// Counts kept across restarts in <c>metrics-state.json</c>, so the textfile's counters only ever grow (a <c>--once</c>
/// run per process would otherwise restart them at every run), plus the newest report time of the last listing that found one.
/// </summary>
internal sealed record MetricsTotals(
    long ObjectsCopied,
    long BytesCopied,
    long RunsSucceeded,
    long RunsPartiallyFailed,
    long RunsFailed,
    DateTimeOffset? NewestReportAt)
{
    public const string FileName = "metrics-state.json";

    public static MetricsTotals Zero { get; } = new(0, 0, 0, 0, 0, null);
}
