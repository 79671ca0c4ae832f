using CostSync.Bench.Measure;
using CostSync.Bench.Peers;
using CostSync.Bench.Report;

namespace CostSync.Bench.Scenarios;

/// <summary>
/// The daemon already warm: its first run syncs the main tree, a few no-change runs follow, then a second tree (the same shape,
/// other names and bytes) appears in the source and the next run copies it inside the same process.
/// </summary>
internal static class WarmDaemonScenario
{
    public const string CostSyncWarm = "CostSync daemon (warm, second tree)";
    private const string Prefix = "cs-warm/";

    public static async Task RunAsync(BenchContext context, string noChangeScenario, CancellationToken cancellationToken)
    {
        var settings = context.CostSync.WriteSettings(context.Main, CostSyncTarget.S3(context.Options.Swift, context.Bucket.Name, Prefix), cron: context.Options.DaemonCron);
        var warmCopies = new List<Sample>();
        var noChange = new List<Sample>();
        RequestTally? noChangeOci = null;
        RequestTally? copyOci = null;
        await using (var daemon = context.CostSync.StartDaemon(settings))
        {
            BenchContext.Progress("warm daemon: first run (syncs the main tree)");
            await daemon.NextRunAsync(cancellationToken);
            for (var r = 0; r < context.Options.NoChangeRuns; r++)
            {
                BenchContext.Progress($"warm daemon: no-change run {r + 1}/{context.Options.NoChangeRuns}");
                BenchContext.TakeOciTally(context.Main);
                noChange.Add(await daemon.NextRunAsync(cancellationToken));
                noChangeOci = BenchContext.TakeOciTally(context.Main);
            }

            for (var r = 0; r < context.Options.Runs; r++)
            {
                // Add the second tree only when the next tick is far enough away that no run is listing at that moment.
                while (daemon.NextRun is not { } next || next - TimeProvider.System.GetUtcNow() < context.Options.TickMargin)
                {
                    await daemon.NextRunAsync(cancellationToken);
                }

                BenchContext.Progress($"warm daemon: second tree appears, run {r + 1}/{context.Options.Runs}");
                foreach (var o in context.SecondTree)
                {
                    context.Main.Objects.Insert(o with { Name = $"warm-{r}/{o.Name}" });
                }

                BenchContext.TakeOciTally(context.Main);
                warmCopies.Add(await daemon.NextRunAsync(cancellationToken));
                copyOci = BenchContext.TakeOciTally(context.Main);
            }
        }

        foreach (var o in context.Main.Objects.All.Where(o => o.Name.StartsWith("warm-", StringComparison.Ordinal)).ToList())
        {
            context.Main.Objects.Remove(o.Name);
        }

        await context.Bucket.EmptyAsync(Prefix, cancellationToken);
        context.Figures.Add(new Figure("full sync", CostSyncWarm, warmCopies, context.SecondTree.Sum(o => o.Size), context.SecondTree.Count) { OciRequests = copyOci });
        context.Figures.Add(new Figure(noChangeScenario, NoChangeScenarios.CostSyncWarm, noChange, 0, context.MainCount) { OciRequests = noChangeOci });
    }
}
