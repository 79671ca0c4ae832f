using System.Globalization;
using CostSync.Bench.Measure;
using CostSync.Bench.Report;

namespace CostSync.Bench.Scenarios;

/// <summary>The machine's limits for this tree: raw parallel ranged GETs from the emulator, raw parallel PUTs into Swift from memory.</summary>
internal static class LimitScenarios
{
    public const string RawGet = "raw parallel GETs (emulator)";
    public const string RawPut = "raw parallel PUTs (Swift)";

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var self = typeof(Program).Assembly.Location;
        var config = context.Main.WriteApiKeyConfig(Path.Combine(context.Options.WorkDirectory, "raw-get"));
        var gets = new List<Sample>();
        RequestTally? oci = null;
        for (var r = 0; r < context.Options.Runs; r++)
        {
            BenchContext.Progress($"limit: raw GETs, run {r + 1}/{context.Options.Runs}");
            BenchContext.TakeOciTally(context.Main);
            gets.Add(await RunChildAsync(["raw-get", "--endpoint", context.Main.BaseUri.ToString(), "--config", config, "--bucket", context.Main.TenancyId], cancellationToken));
            oci = BenchContext.TakeOciTally(context.Main); // one run's requests
        }

        context.Figures.Add(new Figure("full sync", RawGet, gets, context.MainBytes, context.MainCount) { OciRequests = oci });

        var manifest = Path.Combine(context.Options.WorkDirectory, "raw-put.manifest");
        await File.WriteAllLinesAsync(manifest, context.Main.Objects.All.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Size}\t{o.Name}")), cancellationToken);
        var puts = new List<Sample>();
        for (var r = 0; r < context.Options.Runs; r++)
        {
            BenchContext.Progress($"limit: raw PUTs, run {r + 1}/{context.Options.Runs}");
            var prefix = $"raw-put-{r}/";
            puts.Add(await RunChildAsync(["raw-put", "--endpoint", context.Options.Swift.ToString(), "--bucket", context.Bucket.Name, "--prefix", prefix, "--manifest", manifest], cancellationToken));
            await context.Bucket.EmptyAsync(prefix, cancellationToken);
        }

        context.Figures.Add(new Figure("full sync", RawPut, puts, context.MainBytes, context.MainCount));

        async Task<Sample> RunChildAsync(string[] arguments, CancellationToken token)
        {
            var result = await TimedProcess.RunAsync("dotnet", [self, .. arguments], null, token);
            return result.ExitCode == 0 ? result.Sample : throw new InvalidOperationException($"{arguments[0]} failed:{Environment.NewLine}{result.Output}");
        }
    }
}
