using System.Diagnostics;
using System.Runtime.InteropServices;
using CostSync.Bench.Peers;
using CostSync.Bench.Planning;
using CostSync.Bench.Report;
using CostSync.Bench.Scenarios;
using CostSync.Bench.Swift;
using CostSync.OciEmulator;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.OciEmulator.Tree;

namespace CostSync.Bench;

/// <summary>The whole benchmark: set up the trees, the bucket and the peers, run every scenario, write the report.</summary>
internal static class BenchCommand
{
    public const string ManyScenario = "many tiny objects";
    public const string MainScenario = "main tree";

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var loadStart = BenchEnvironment.Load();
        var loadMax = loadStart;
        try
        {
            await using var context = await SetUpAsync(options, cancellationToken);
            var steps = new Func<BenchContext, CancellationToken, Task>[]
            {
                LimitScenarios.RunAsync,
                CopyScenarios.RunCostSyncAsync,
                CopyScenarios.RunValidationModesAsync,
                CopyScenarios.RunDirectoryAsync,
                CopyScenarios.RunRcloneAsync,
                (c, t) => WarmDaemonScenario.RunAsync(c, MainScenario, t),
                (c, t) => NoChangeScenarios.RunColdAsync(c, MainScenario, c.Main, CopyScenarios.KeptPrefix, t),
                (c, t) => NoChangeScenarios.RunRcloneAsync(c, MainScenario, c.MainOnDisk, CopyScenarios.RcloneKeptPrefix, c.MainCount, setup: false, t),
                (c, t) => NoChangeScenarios.RunWarmAsync(c, ManyScenario, c.Many, "cs-many/", counted: true, t),
                (c, t) => NoChangeScenarios.RunColdAsync(c, ManyScenario, c.Many, "cs-many/", t),
                (c, t) => NoChangeScenarios.RunRcloneAsync(c, ManyScenario, c.ManyOnDisk, "rc-many/", c.Many.Objects.Count, setup: true, t),
            };
            foreach (var step in steps)
            {
                await step(context, cancellationToken);
                loadMax = Math.Max(loadMax, BenchEnvironment.Load());
            }

            var planning = new List<(int, TimeSpan)>();
            foreach (var count in options.Quick ? [1_000, 10_000] : new[] { 1_000, 10_000, 100_000 })
            {
                BenchContext.Progress($"planning time at {count:N0} objects");
                planning.Add((count, await PlanningScale.MeasureAsync(count, options.NoChangeRuns + 2, cancellationToken)));
            }

            var machine = await DescribeAsync(options, context, cancellationToken) with { LoadAtStart = loadStart, LoadAtEnd = BenchEnvironment.Load(), LoadMax = loadMax };
            var analysisFile = Path.Combine("bench", "ANALYSIS.md");
            var analysis = !options.Quick && File.Exists(analysisFile) ? await File.ReadAllTextAsync(analysisFile, cancellationToken) : null;
            var report = ReportWriter.Render(options, machine, Summarize(context), context.Figures, planning, analysis);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
            await File.WriteAllTextAsync(options.Output, report, cancellationToken);
            BenchContext.Progress($"report written to {options.Output}");
            return 0;
        }
        finally
        {
            Directory.Delete(options.WorkDirectory, recursive: true);
        }
    }

    private static async Task<BenchContext> SetUpAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        void Progress(string m) => Console.WriteLine($"[bench {TimeProvider.System.GetLocalNow():HH:mm:ss}] {m}");
        var shape = (options.Quick ? BenchTreeOptions.Quick : BenchTreeOptions.Full) with { Seed = options.Seed };
        Progress("generating the trees");
        var main = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, cancellationToken);
        BenchTreeGenerator.Generate(main.Objects, shape, main.TenancyId);
        var second = BenchTreeGenerator.Generate(new EmulatorStore(TimeProvider.System), shape with { Seed = options.Seed + 1 }, main.TenancyId);
        var many = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, cancellationToken);
        BenchTreeGenerator.Generate(many.Objects, BenchTreeOptions.Tiny(options.ManyObjects) with { Seed = options.Seed + 2 }, many.TenancyId);

        Progress("writing the trees to disk for rclone");
        var mainOnDisk = Path.Combine(options.WorkDirectory, "main");
        var manyOnDisk = Path.Combine(options.WorkDirectory, "many");
        await TreeExport.WriteAsync(main.Objects, mainOnDisk, cancellationToken);
        await TreeExport.WriteAsync(many.Objects, manyOnDisk, cancellationToken);

        var bucket = await SwiftBucket.CreateAsync(options.Swift, cancellationToken);
        var proxy = new CountingProxy(options.Swift);
        var rclone = RcloneRunner.Find(options.WorkDirectory, options.Swift, proxy.Url);
        if (rclone is null)
        {
            Progress("rclone is not installed (apt-get install -y rclone): its figures are left out");
        }

        return new BenchContext
        {
            Options = options,
            Main = main,
            Many = many,
            SecondTree = second,
            MainOnDisk = mainOnDisk,
            ManyOnDisk = manyOnDisk,
            Bucket = bucket,
            Proxy = proxy,
            CostSync = new CostSyncRunner(options.CostSync, options.WorkDirectory),
            Rclone = rclone,
        };
    }

    private static TreeSummary Summarize(BenchContext context)
    {
        var shape = context.Options.Quick ? BenchTreeOptions.Quick : BenchTreeOptions.Full;
        var all = context.Main.Objects.All;
        var reports = all.Where(o => o.Size < shape.HugeObjectSize * 9 / 10).Select(o => o.Size).Order().ToList();
        return new TreeSummary(
            all.Count,
            all.Sum(o => o.Size),
            all.Count(o => o.IsMultipart),
            reports.FirstOrDefault(),
            reports.LastOrDefault(),
            reports.Count == 0 ? 0 : reports[reports.Count / 2],
            all.Count - reports.Count,
            shape.HugeObjectSize,
            context.Many.Objects.Count);
    }

    private static async Task<BenchEnvironment> DescribeAsync(BenchOptions options, BenchContext context, CancellationToken cancellationToken)
    {
        var (program, prefix) = context.CostSync.Command;
        var version = (await Measure.TimedProcess.RunAsync(program, [.. prefix, "--version"], null, cancellationToken)).Output.Trim();
        var rclone = context.Rclone is { } r ? await r.VersionAsync(cancellationToken) : "rclone not installed";
        return new BenchEnvironment(
            BenchEnvironment.ReadCpu(),
            Environment.ProcessorCount,
            BenchEnvironment.ReadMemory(),
            File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
            BenchEnvironment.ReadOs(),
            RuntimeInformation.FrameworkDescription,
            version,
            rclone,
            await SwiftVersionAsync(cancellationToken));
    }

    private static async Task<string> SwiftVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var dpkg = Process.Start(new ProcessStartInfo("dpkg-query", ["-W", "-f", "${Version}", "swift"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = await dpkg.StandardOutput.ReadToEndAsync(cancellationToken);
            await dpkg.WaitForExitAsync(cancellationToken);
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(version unknown)";
        }
    }
}
