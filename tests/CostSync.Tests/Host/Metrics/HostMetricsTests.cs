using System.Diagnostics.Metrics;
using CostSync.Hosting;
using CostSync.Oci.Telemetry;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace CostSync.Tests.Host.Metrics;

/// <summary>The host's instruments on the CostSync meter, recorded by the real coordinator after each run.</summary>
public sealed class HostMetricsTests : IDisposable
{
    private readonly HostHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private IMeterFactory Meters => _harness.Get<IMeterFactory>();

    [Fact]
    public async Task Record_PartiallyFailedRun_CountsRunObjectsBytesAndCopyFailures()
    {
        var ct = TestContext.Current.CancellationToken;
        using var runs = Collect<long>("costsync.runs");
        using var copied = Collect<long>("costsync.objects.copied");
        using var bytes = Collect<long>("costsync.bytes.copied");
        using var failures = Collect<long>("costsync.failures");
        using var duration = Collect<double>("costsync.run.duration");
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.PartiallyFailed(failed: 3) with { RunId = c.RunId });

        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        var run = Assert.Single(runs.GetMeasurementSnapshot());
        Assert.Equal((1L, "partially_failed"), (run.Value, run.Tags["status"]));
        Assert.Equal(1, copied.LastMeasurement!.Value);
        Assert.Equal(1000, bytes.LastMeasurement!.Value);
        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal((3L, "copy"), (failure.Value, failure.Tags["kind"]));
        Assert.Equal(120, duration.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Record_RunThatCouldNotList_CountsOneRunFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        using var failures = Collect<long>("costsync.failures");
        using var runs = Collect<long>("costsync.runs");
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.Failed() with { RunId = c.RunId });

        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal((1L, "run"), (failure.Value, failure.Tags["kind"]));
        Assert.Equal("failed", Assert.Single(runs.GetMeasurementSnapshot()).Tags["status"]);
    }

    [Fact]
    public async Task Gauges_AfterSuccessThenFailure_ReportLastSuccessStatusAndReportAge()
    {
        var ct = TestContext.Current.CancellationToken;
        var successAt = _harness.Time.GetUtcNow();
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.Succeeded(successAt.AddHours(-2)) with { RunId = c.RunId });
        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.Failed() with { RunId = c.RunId });
        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);
        using var lastSuccess = Collect<double>("costsync.run.last_success_timestamp");
        using var status = Collect<double>("costsync.run.last_status");
        using var age = Collect<double>("costsync.report.newest_age");
        _harness.Time.Advance(TimeSpan.FromHours(1));

        lastSuccess.RecordObservableInstruments();
        status.RecordObservableInstruments();
        age.RecordObservableInstruments();

        Assert.Equal(successAt.ToUnixTimeSeconds(), lastSuccess.LastMeasurement!.Value);
        Assert.Equal(2, status.LastMeasurement!.Value);
        Assert.Equal(4 * 3600, age.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Meter_RunsRecorded_CarryNoObjectNameInAnyTag()
    {
        var ct = TestContext.Current.CancellationToken;
        var tags = new List<KeyValuePair<string, object?>>();
        var coordinator = _harness.Get<RunCoordinator>();
        var meters = Meters;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CostSyncMeter.Name && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, t, _) => tags.AddRange(t.ToArray()));
        listener.SetMeasurementEventCallback<double>((_, _, t, _) => tags.AddRange(t.ToArray()));
        listener.Start();
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.PartiallyFailed(failed: 2) with { RunId = c.RunId });

        await coordinator.RunOnceAsync(ct);
        listener.RecordObservableInstruments();

        Assert.NotEmpty(tags);
        Assert.All(tags, t =>
        {
            Assert.Contains(t.Key, new[] { "status", "kind", "side", "outcome" });
            Assert.DoesNotContain(".csv", t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(Meters, CostSyncMeter.Name, instrument);
}
