using CostSync.Bench.Measure;
using CostSync.Bench.Peers;
using CostSync.Bench.Report;
using CostSync.Bench.Swift;
using CostSync.OciEmulator;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.OciEmulator.Requests;

namespace CostSync.Bench.Scenarios;

/// <summary>Everything the scenarios share: the emulators and their trees (also on disk for rclone), the Swift bucket, the counting proxy, the peers.</summary>
internal sealed class BenchContext : IAsyncDisposable
{
    public required BenchOptions Options { get; init; }

    /// <summary>The emulator serving the main tree (and, during the warm daemon run, the second tree).</summary>
    public required OciEmulatorServer Main { get; init; }

    /// <summary>The emulator serving the many-tiny-objects tree.</summary>
    public required OciEmulatorServer Many { get; init; }

    /// <summary>The second tree, generated ahead of time, inserted into <see cref="Main"/> while the warm daemon runs.</summary>
    public required IReadOnlyList<EmulatorObject> SecondTree { get; init; }

    public required string MainOnDisk { get; init; }

    public required string ManyOnDisk { get; init; }

    public required SwiftBucket Bucket { get; init; }

    public required CountingProxy Proxy { get; init; }

    public required CostSyncRunner CostSync { get; init; }

    public RcloneRunner? Rclone { get; init; }

    public List<Figure> Figures { get; } = [];

    public long MainBytes => Main.Objects.All.Sum(o => o.Size);

    public int MainCount => Main.Objects.Count;

    public static void Progress(string message) => Console.WriteLine($"[bench {TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}");

    /// <summary>The requests an emulator answered since the last call, by kind.</summary>
    public static RequestTally TakeOciTally(OciEmulatorServer emulator)
    {
        var entries = emulator.Requests.Entries;
        emulator.Requests.Clear();
        return new RequestTally(entries.GroupBy(e => OciKind(e)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Bucket.DisposeAsync();
        await Main.DisposeAsync();
        await Many.DisposeAsync();
    }

    private static string OciKind(RequestLogEntry e) => e.Operation switch
    {
        Operations.ListObjects => "list",
        Operations.GetObject => "get-object",
        Operations.HeadObject => "head-object",
        Operations.GetSecretBundle or Operations.GetSecretBundleByName => "vault-read",
        _ => e.Operation.ToLowerInvariant(),
    };
}
