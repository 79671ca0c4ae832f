using System.Globalization;
using System.Text;
using CostSync.Sync;

namespace CostSync.Metrics;

/// <summary>Renders <see cref="RunMetrics"/> in the Prometheus text exposition format (0.0.4), for node_exporter's textfile collector.</summary>
internal static class PrometheusTextfile
{
    public static string Render(RunMetrics metrics)
    {
        var text = new StringBuilder();
        Gauge(text, "costsync_last_success_timestamp_seconds", "Unix time when the last successful run started (0: never).", metrics.LastSuccessAt is { } s ? Seconds(s) : "0");
        Gauge(text, "costsync_last_run_timestamp_seconds", "Unix time when the last run started.", Seconds(metrics.LastRunAt));
        Gauge(text, "costsync_last_run_status", "Outcome of the last run: 0 succeeded, 1 partially failed, 2 failed.", Number(metrics.StatusCode));
        Gauge(text, "costsync_run_duration_seconds", "Duration of the last run in seconds.", Number(metrics.Duration.TotalSeconds));
        Family(text, "costsync_objects_copied_total", "counter", "Objects copied (new or changed) and verified, over all runs on this machine.", [(null, Number(metrics.Totals.ObjectsCopied))]);
        Family(text, "costsync_bytes_copied_total", "counter", "Bytes copied and verified, over all runs on this machine.", [(null, Number(metrics.Totals.BytesCopied))]);
        Gauge(text, "costsync_objects_failed", "Objects the last run could not copy or delete.", Number(metrics.ObjectsFailed));
        if (metrics.NewestReportAge is { } age)
        {
            Gauge(text, "costsync_newest_report_age_seconds", "Age of the newest source report when the last run ended.", Number(age.TotalSeconds));
        }

        Family(text, "costsync_runs_total", "counter", "Runs by outcome, over all runs on this machine.",
        [
            (Status(SyncRunStatus.Succeeded), Number(metrics.Totals.RunsSucceeded)),
            (Status(SyncRunStatus.PartiallyFailed), Number(metrics.Totals.RunsPartiallyFailed)),
            (Status(SyncRunStatus.Failed), Number(metrics.Totals.RunsFailed)),
        ]);
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, string value) =>
        Family(text, name, "gauge", help, [(null, value)]);

    private static void Family(StringBuilder text, string name, string type, string help, IEnumerable<(string? Labels, string Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in samples)
        {
            text.Append(name).Append(labels).Append(' ').Append(value).Append('\n');
        }
    }

    private static string Status(SyncRunStatus status) => $"{{status=\"{MetricStatus.Of(status)}\"}}";

    private static string Seconds(DateTimeOffset time) => Number(time.ToUnixTimeMilliseconds() / 1000.0);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
