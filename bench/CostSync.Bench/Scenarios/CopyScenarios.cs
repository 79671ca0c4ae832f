using CostSync.Bench.Measure;
using CostSync.Bench.Peers;
using CostSync.Bench.Report;

namespace CostSync.Bench.Scenarios;

/// <summary>Full syncs of the main tree: CostSync <c>--once</c> into Swift and into a RAM-disk folder, rclone with the old and the tuned flags.</summary>
internal static class CopyScenarios
{
    public const string CostSyncOnce = "CostSync --once";
    public const string CostSyncDirectory = "CostSync --once, Directory on a RAM disk";
    public const string RcloneOld = "rclone, old setup's flags";
    public const string RcloneTuned = "rclone --transfers 16";
    public const string ValidationOff = "CostSync --once, Validation:Mode Off";
    public const string ValidationFull = "CostSync --once, Validation:Mode Full";

    /// <summary>The prefix that holds CostSync's copy of the main tree after <see cref="RunCostSyncAsync"/> (for no-change runs).</summary>
    public const string KeptPrefix = "cs-kept/";

    /// <summary>The prefix that holds rclone's copy of the main tree after <see cref="RunRcloneAsync"/>.</summary>
    public const string RcloneKeptPrefix = "rc-kept/";

    public static async Task RunCostSyncAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        for (var r = 0; r < context.Options.Runs; r++)
        {
            BenchContext.Progress($"CostSync full sync, run {r + 1}/{context.Options.Runs}");
            var prefix = $"cs-full-{r}/";
            var settings = context.CostSync.WriteSettings(context.Main, CostSyncTarget.S3(context.Options.Swift, context.Bucket.Name, prefix));
            BenchContext.TakeOciTally(context.Main);
            samples.Add(await context.CostSync.RunOnceAsync(settings, cancellationToken));
            await context.Bucket.EmptyAsync(prefix, cancellationToken);
        }

        // One more run through the counting proxy (untimed): the requests per side; its copy stays for the no-change runs.
        BenchContext.Progress("CostSync full sync, counted run");
        var counted = context.CostSync.WriteSettings(context.Main, CostSyncTarget.S3(context.Proxy.Url, context.Bucket.Name, KeptPrefix));
        BenchContext.TakeOciTally(context.Main);
        context.Proxy.TakeTally();
        await context.CostSync.RunOnceAsync(counted, cancellationToken);
        context.Figures.Add(new Figure("full sync", CostSyncOnce, samples, context.MainBytes, context.MainCount)
        {
            OciRequests = BenchContext.TakeOciTally(context.Main),
            S3Requests = context.Proxy.TakeTally(),
        });
    }

    /// <summary>
    /// The cost of report validation: the same full sync with <c>Validation:Mode</c> Off and Full (<see cref="CostSyncOnce"/> runs
    /// the default, Header).
    /// </summary>
    public static async Task RunValidationModesAsync(BenchContext context, CancellationToken cancellationToken)
    {
        foreach (var (tool, mode) in new[] { (ValidationOff, "Off"), (ValidationFull, "Full") })
        {
            var samples = new List<Sample>();
            for (var r = 0; r < context.Options.Runs; r++)
            {
                BenchContext.Progress($"{tool}, run {r + 1}/{context.Options.Runs}");
                var prefix = $"cs-validation-{mode.ToLowerInvariant()}-{r}/";
                var settings = context.CostSync.WriteSettings(context.Main, CostSyncTarget.S3(context.Options.Swift, context.Bucket.Name, prefix), validation: mode);
                samples.Add(await context.CostSync.RunOnceAsync(settings, cancellationToken));
                await context.Bucket.EmptyAsync(prefix, cancellationToken);
            }

            context.Figures.Add(new Figure("full sync", tool, samples, context.MainBytes, context.MainCount));
        }

        BenchContext.TakeOciTally(context.Main);
    }

    public static async Task RunDirectoryAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        RequestTally? oci = null;
        for (var r = 0; r < context.Options.Runs; r++)
        {
            BenchContext.Progress($"CostSync full sync to a RAM-disk folder, run {r + 1}/{context.Options.Runs}");
            var folder = Path.Combine(context.Options.RamDisk, $"costsync-bench-{Guid.NewGuid():N}");
            try
            {
                var settings = context.CostSync.WriteSettings(context.Main, CostSyncTarget.Folder(folder));
                BenchContext.TakeOciTally(context.Main);
                samples.Add(await context.CostSync.RunOnceAsync(settings, cancellationToken));
                oci = BenchContext.TakeOciTally(context.Main); // one run's requests
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        context.Figures.Add(new Figure("full sync", CostSyncDirectory, samples, context.MainBytes, context.MainCount) { OciRequests = oci });
    }

    public static async Task RunRcloneAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (context.Rclone is not { } rclone)
        {
            return;
        }

        foreach (var (tool, flags) in new[] { (RcloneOld, RcloneRunner.OldSetup), (RcloneTuned, RcloneRunner.Tuned) })
        {
            var samples = new List<Sample>();
            for (var r = 0; r < context.Options.Runs; r++)
            {
                BenchContext.Progress($"{tool}, run {r + 1}/{context.Options.Runs}");
                var prefix = $"rc-full-{r}/";
                samples.Add(await rclone.CopyAsync(context.MainOnDisk, "bench", context.Bucket.Name, prefix, flags, cancellationToken));
                await context.Bucket.EmptyAsync(prefix, cancellationToken);
            }

            context.Figures.Add(new Figure("full sync", tool, samples, context.MainBytes, context.MainCount));
        }

        BenchContext.Progress("rclone, counted run (old setup's flags)");
        context.Proxy.TakeTally();
        await rclone.CopyAsync(context.MainOnDisk, "counted", context.Bucket.Name, RcloneKeptPrefix, RcloneRunner.OldSetup, cancellationToken);
        var old = context.Figures.Single(f => f.Scenario == "full sync" && f.Tool == RcloneOld);
        context.Figures[context.Figures.IndexOf(old)] = old with { S3Requests = context.Proxy.TakeTally() };
    }
}
