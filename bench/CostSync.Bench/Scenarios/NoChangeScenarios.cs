using CostSync.Bench.Measure;
using CostSync.Bench.Peers;
using CostSync.Bench.Report;
using CostSync.OciEmulator;

namespace CostSync.Bench.Scenarios;

/// <summary>Runs that find nothing new: CostSync cold (<c>--once</c>) and warm (the daemon), rclone <c>--size-only</c> and <c>--checksum</c>.</summary>
internal static class NoChangeScenarios
{
    public const string CostSyncCold = "CostSync --once (cold process)";
    public const string CostSyncWarm = "CostSync daemon (warm)";
    public const string RcloneSizeOnly = "rclone --size-only";
    public const string RcloneChecksum = "rclone --checksum";

    /// <summary>Cold <c>--once</c> no-change runs over <paramref name="prefix"/> (already synced), and one counted through the proxy.</summary>
    public static async Task RunColdAsync(BenchContext context, string scenario, OciEmulatorServer emulator, string prefix, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        var direct = context.CostSync.WriteSettings(emulator, CostSyncTarget.S3(context.Options.Swift, context.Bucket.Name, prefix));
        for (var r = 0; r < context.Options.NoChangeRuns; r++)
        {
            BenchContext.Progress($"{scenario}: CostSync --once, run {r + 1}/{context.Options.NoChangeRuns}");
            samples.Add(await context.CostSync.RunOnceAsync(direct, cancellationToken));
        }

        BenchContext.TakeOciTally(emulator);
        context.Proxy.TakeTally();
        await context.CostSync.RunOnceAsync(context.CostSync.WriteSettings(emulator, CostSyncTarget.S3(context.Proxy.Url, context.Bucket.Name, prefix)), cancellationToken);
        context.Figures.Add(new Figure(scenario, CostSyncCold, samples, 0, emulator.Objects.Count)
        {
            OciRequests = BenchContext.TakeOciTally(emulator),
            S3Requests = context.Proxy.TakeTally(),
        });
    }

    /// <summary>Warm no-change runs of a daemon whose first run synced the tree; through the counting proxy when <paramref name="counted"/>.</summary>
    public static async Task RunWarmAsync(BenchContext context, string scenario, OciEmulatorServer emulator, string prefix, bool counted, CancellationToken cancellationToken)
    {
        var settings = context.CostSync.WriteSettings(emulator, CostSyncTarget.S3(counted ? context.Proxy.Url : context.Options.Swift, context.Bucket.Name, prefix), cron: context.Options.DaemonCron);
        await using var daemon = context.CostSync.StartDaemon(settings);
        BenchContext.Progress($"{scenario}: daemon's first run (the setup copy)");
        await daemon.NextRunAsync(cancellationToken);
        var samples = new List<Sample>();
        RequestTally? oci = null;
        RequestTally? s3 = null;
        for (var r = 0; r < context.Options.NoChangeRuns; r++)
        {
            BenchContext.Progress($"{scenario}: daemon no-change run {r + 1}/{context.Options.NoChangeRuns}");
            BenchContext.TakeOciTally(emulator);
            context.Proxy.TakeTally();
            samples.Add(await daemon.NextRunAsync(cancellationToken));
            oci = BenchContext.TakeOciTally(emulator);
            s3 = context.Proxy.TakeTally();
        }

        context.Figures.Add(new Figure(scenario, CostSyncWarm, samples, 0, emulator.Objects.Count) { OciRequests = oci, S3Requests = counted ? s3 : null });
    }

    /// <summary>rclone's no-change runs over its own copy of the tree at <paramref name="prefix"/> (copied first when <paramref name="setup"/>).</summary>
    public static async Task RunRcloneAsync(BenchContext context, string scenario, string onDisk, string prefix, int objects, bool setup, CancellationToken cancellationToken)
    {
        if (context.Rclone is not { } rclone)
        {
            return;
        }

        if (setup)
        {
            BenchContext.Progress($"{scenario}: rclone setup copy");
            await rclone.CopyAsync(onDisk, "bench", context.Bucket.Name, prefix, RcloneRunner.Tuned, cancellationToken);
        }

        foreach (var (tool, flag) in new[] { (RcloneSizeOnly, "--size-only"), (RcloneChecksum, "--checksum") })
        {
            var samples = new List<Sample>();
            for (var r = 0; r < context.Options.NoChangeRuns; r++)
            {
                BenchContext.Progress($"{scenario}: {tool}, run {r + 1}/{context.Options.NoChangeRuns}");
                samples.Add(await rclone.CopyAsync(onDisk, "bench", context.Bucket.Name, prefix, [flag], cancellationToken));
            }

            context.Proxy.TakeTally();
            await rclone.CopyAsync(onDisk, "counted", context.Bucket.Name, prefix, [flag], cancellationToken);
            context.Figures.Add(new Figure(scenario, tool, samples, 0, objects) { S3Requests = context.Proxy.TakeTally() });
        }
    }
}
