using System.Diagnostics.Metrics;
using CostSync.Oci.Telemetry;
using CostSync.Sync;

namespace CostSync.Metrics;

/// <summary>
/// The host's instruments on the <see cref="CostSyncMeter.Name"/> meter, derived from each run's result: runs by status,
/// objects and bytes copied, failures by kind, run duration, and gauges for the last run, last success and report age.
/// </summary>
internal sealed class HostMetrics
{
    private readonly Counter<long> _runs;
    private readonly Counter<long> _objectsCopied;
    private readonly Counter<long> _bytesCopied;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;
    private readonly TimeProvider _timeProvider;
    private RunMetrics? _last;

    public HostMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Meter meter = meterFactory.Create(CostSyncMeter.Name);
        _runs = meter.CreateCounter<long>("costsync.runs", "{run}", "Runs by outcome (status: succeeded, partially_failed, failed).");
        _objectsCopied = meter.CreateCounter<long>("costsync.objects.copied", "{object}", "Objects copied (new or changed) and verified.");
        _bytesCopied = meter.CreateCounter<long>("costsync.bytes.copied", "By", "Bytes copied and verified.");
        _failures = meter.CreateCounter<long>("costsync.failures", "{failure}", "Failures by kind: copy (an object), delete (a Mirror deletion), run (the run itself, e.g. listing or the ledger).");
        _duration = meter.CreateHistogram<double>("costsync.run.duration", "s", "Run duration, by outcome.");
        meter.CreateObservableGauge("costsync.run.last_timestamp", () => Observe(m => Seconds(m.LastRunAt)), "s", "Unix time when the last run started.");
        meter.CreateObservableGauge("costsync.run.last_success_timestamp", () => Observe(m => m.LastSuccessAt is { } s ? Seconds(s) : 0), "s", "Unix time when the last successful run started (0: never).");
        meter.CreateObservableGauge("costsync.run.last_status", () => Observe(m => m.StatusCode), "1", "The last run's outcome: 0 succeeded, 1 partially failed, 2 failed.");
        meter.CreateObservableGauge("costsync.report.newest_age", ObserveNewestAge, "s", "Age of the newest source report.");
    }

    /// <summary>Records a finished run and makes <paramref name="metrics"/> the value of the gauges.</summary>
    public void Record(SyncRunResult result, RunMetrics metrics)
    {
        var status = new KeyValuePair<string, object?>("status", MetricStatus.Of(result.Status));
        _runs.Add(1, status);
        _duration.Record(result.Duration.TotalSeconds, status);
        _objectsCopied.Add(result.Totals.Copied + result.Totals.Changed);
        _bytesCopied.Add(result.Totals.Bytes);
        AddFailures("copy", result.Outcomes.Count(o => !o.Succeeded && o.Action != PlannedAction.Delete));
        AddFailures("delete", result.Outcomes.Count(o => !o.Succeeded && o.Action == PlannedAction.Delete));
        AddFailures("run", result.Error is not null && result.Outcomes.All(o => o.Succeeded) ? 1 : 0);
        Volatile.Write(ref _last, metrics);
    }

    private void AddFailures(string kind, int count)
    {
        if (count > 0)
        {
            _failures.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    private IEnumerable<Measurement<double>> Observe(Func<RunMetrics, double> value) =>
        Volatile.Read(ref _last) is { } last ? [new Measurement<double>(value(last))] : [];

    private IEnumerable<Measurement<double>> ObserveNewestAge() =>
        Volatile.Read(ref _last)?.Totals.NewestReportAt is { } newest ? [new Measurement<double>((_timeProvider.GetUtcNow() - newest).TotalSeconds)] : [];

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
