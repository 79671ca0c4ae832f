using CostSync.Bench.Peers;
using CostSync.Bench.Swift;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;

namespace CostSync.Bench;

/// <summary>
/// <c>serve [--quick] [--seed N]</c>: the benchmark's main tree in an emulator, a Swift bucket, and CostSync settings files for it
/// (S3 and a RAM-disk folder), printed and kept until Enter or end of input: for profiling one run by hand (dotnet-counters,
/// dotnet-trace) with exactly the benchmark's data.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var quick = args.Contains("--quick");
        var seed = args.Contains("--seed") ? int.Parse(args[args.ToList().IndexOf("--seed") + 1], System.Globalization.CultureInfo.InvariantCulture) : BenchTreeOptions.Full.Seed;
        var work = Path.Combine(Path.GetTempPath(), "costsync-bench-serve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        await using var emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, cancellationToken);
        BenchTreeGenerator.Generate(emulator.Objects, (quick ? BenchTreeOptions.Quick : BenchTreeOptions.Full) with { Seed = seed }, emulator.TenancyId);
        await using var bucket = await SwiftBucket.CreateAsync(new Uri("http://127.0.0.1:18080"), cancellationToken);
        var runner = new CostSyncRunner("CostSync", work);
        await Console.Out.WriteLineAsync($"emulator {emulator.BaseUri} ({emulator.Objects.Count} objects, {emulator.Objects.All.Sum(o => o.Size):N0} bytes)");
        await Console.Out.WriteLineAsync($"s3 settings: {runner.WriteSettings(emulator, CostSyncTarget.S3(new Uri("http://127.0.0.1:18080"), bucket.Name, "serve/"))}");
        await Console.Out.WriteLineAsync($"folder settings: {runner.WriteSettings(emulator, CostSyncTarget.Folder(Path.Combine("/dev/shm", "costsync-serve-" + Guid.NewGuid().ToString("N")[..8])))}");
        await Console.Out.WriteLineAsync("Press Enter (or close the input) to stop.");
        await Console.In.ReadLineAsync(cancellationToken);
        Directory.Delete(work, recursive: true);
        return 0;
    }
}
