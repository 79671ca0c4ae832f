using System.Diagnostics;
using System.Globalization;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace CostSync.Bench.Planning;

/// <summary>
/// Planning time for a no-change run at several sizes, in process: an in-memory source listing, an in-memory destination that
/// holds every report and a ledger recording them all; the real planner (listings, ledger read, adoption, classification).
/// </summary>
internal static class PlanningScale
{
    /// <summary>The median planning time of <paramref name="runs"/> plans over <paramref name="count"/> objects.</summary>
    public static async Task<TimeSpan> MeasureAsync(int count, int runs, CancellationToken cancellationToken)
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sources = Enumerable.Range(0, count)
            .Select(i => new ObjectSummary(string.Create(CultureInfo.InvariantCulture, $"FOCUS Reports/2026/01/01/{i:D9}.csv.gz"), 10_000 + i, Convert.ToBase64String(BitConverter.GetBytes((long)i).Concat(new byte[8]).ToArray()), $"etag-{i}", created, created))
            .ToList();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IObjectStorageClient>(new MemorySource(sources));
        services.AddSingleton<IOciAuthProvider>(new FixedTenancy());
        services.AddSingleton(new LedgerSettings { FlushEveryEntries = int.MaxValue, FlushInterval = TimeSpan.FromDays(1) });
        services.Configure<CostSync.Sync.Configuration.SourceOptions>(o => o.Bucket = "bench");
        services.AddSyncEngine();
        await using var provider = services.BuildServiceProvider();
        var planner = provider.GetRequiredService<SyncPlanner>();
        var layout = new KeyLayout("bench", null);
        var destination = new MemoryDestination();
        await using (var writer = provider.GetRequiredService<LedgerWriterFactory>().Create(destination, layout, "setup"))
        {
            foreach (var s in sources)
            {
                await writer.AddAsync(new LedgerEntry(s.Name, s.Size, s.Md5, null, s.ETag, s.TimeCreated, layout.KeyFor(s.Name), "d-" + s.ETag, null, created, "setup"), cancellationToken);
                destination.Add(new DestinationObject(layout.KeyFor(s.Name), s.Size, "d-" + s.ETag, created));
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var scope = new RunScope("bling", "bench", layout);
        var times = new List<double>();
        for (var r = 0; r < runs + 1; r++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = await planner.PlanAsync(destination, scope, "bench", cancellationToken);
            clock.Stop();
            if (outcome.Plan.Items.Any(i => i.Action != PlannedAction.Skip))
            {
                throw new InvalidOperationException("The planning benchmark expected a no-change plan.");
            }

            if (r > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds); // the first plan warms the JIT
            }
        }

        return TimeSpan.FromMilliseconds(Measure.Stats.Of(times).Median);
    }

    private sealed class FixedTenancy : IOciAuthProvider
    {
        public string Description => "benchmark (no signing)";

        public bool CanRefresh => false;

        public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult("bench");

        public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
