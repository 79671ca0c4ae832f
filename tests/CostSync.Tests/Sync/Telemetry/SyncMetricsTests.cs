using System.Diagnostics.Metrics;
using CostSync.Oci.Telemetry;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Telemetry;

/// <summary>The engine's own instruments: live ledger entries after a run, part-buffer bytes in flight against the budget.</summary>
public sealed class SyncMetricsTests : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-engine-metrics-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SyncHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Run_TwoCopiesThenOneMore_LedgerEntriesCountsLiveObjects()
    {
        using var entries = Collect<long>("costsync.ledger.entries");
        await using var destination = new DirectoryDestination(_root, overwriteProtection: false, _harness.Time);
        _harness.Source.Put("reports/a.csv.gz", 100);
        _harness.Source.Put("reports/b.csv.gz", 100);
        await _harness.RunAsync(destination, Ct);
        var afterFirst = entries.LastMeasurement!.Value;
        _harness.Source.Put("reports/c.csv.gz", 100);

        await _harness.RunAsync(destination, Ct);

        Assert.Equal(2, afterFirst);
        Assert.Equal(3, entries.LastMeasurement!.Value);
    }

    [Fact]
    public async Task BufferGauges_OneBufferRented_ReportBytesInFlightAndTheBudget()
    {
        using var inFlight = Collect<long>("costsync.transfer.buffer.in_flight");
        using var budget = Collect<long>("costsync.transfer.buffer.budget");
        _ = _harness.Engine; // the engine owns the instruments

        using (await _harness.Pool.RentAsync((int)(5 * MiB), Ct))
        {
            inFlight.RecordObservableInstruments();
            budget.RecordObservableInstruments();
            Assert.Equal(8 * MiB, inFlight.LastMeasurement!.Value);
        }

        inFlight.RecordObservableInstruments();
        Assert.Equal(0, inFlight.LastMeasurement!.Value);
        Assert.Equal(64 * MiB, budget.LastMeasurement!.Value);
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_harness.Services.GetRequiredService<IMeterFactory>(), CostSyncMeter.Name, instrument);
}
