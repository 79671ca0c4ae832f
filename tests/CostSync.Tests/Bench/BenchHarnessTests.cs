using System.Reflection;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Bench;

/// <summary>
/// Keeps <c>bench/</c> working: the harness in quick mode (a small tree) against the emulator and Swift, with this build of
/// CostSync, produces a well-formed report. It asserts the report's shape only, never a timing: speed lives in the benchmark.
/// </summary>
public sealed class BenchHarnessTests(SwiftS3Fixture swift) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Harness_QuickMode_WritesAReportWithEveryScenarioAndTarget()
    {
        var ct = TestContext.Current.CancellationToken;
        ExternalTool.Require("rclone", "apt-get install -y --no-install-recommends rclone");
        ExternalTool.Require("time", "apt-get install -y --no-install-recommends time");
        var report = Path.Combine(_directory.Path, "BENCHMARKS.md");

        var result = await ExternalTool.RunAsync(
            "dotnet",
            [HarnessAssembly, "--quick", "--costsync", CostSyncBuildOutput.Assembly, "--out", report, "--work", Path.Combine(_directory.Path, "work"), "--ramdisk", _directory.Path, "--swift", swift.ServiceUrl.ToString()],
            ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = await File.ReadAllTextAsync(report, ct);
        Assert.StartsWith("# CostSync benchmarks", text, StringComparison.Ordinal);
        foreach (var heading in (string[])["## Machine and versions", "## Full sync of the main tree", "## No-change run: main tree", "## No-change run: many tiny objects", "## Planning time", "## Ratios and targets"])
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        foreach (var tool in (string[])["raw parallel GETs (emulator)", "raw parallel PUTs (Swift)", "CostSync --once", "CostSync --once, Validation:Mode Off", "CostSync --once, Validation:Mode Full", "CostSync --once, Directory on a RAM disk", "rclone, old setup's flags", "rclone --transfers 16", "CostSync daemon (warm, second tree)", "CostSync --once (cold process)", "CostSync daemon (warm)", "rclone --size-only", "rclone --checksum"])
        {
            Assert.Contains($"| {tool} |", text, StringComparison.Ordinal);
        }

        // Every target has a measured value (no "not measured"), and the no-change runs were counted on both sides.
        var targets = text[text.IndexOf("## Ratios and targets", StringComparison.Ordinal)..];
        Assert.DoesNotContain("not measured", targets, StringComparison.Ordinal);
        Assert.Contains("main tree: CostSync --once (cold process), S3 requests (object GET/HEAD/PUT)", targets, StringComparison.Ordinal);
        Assert.Contains("many tiny objects: CostSync daemon (warm), OCI requests (object GET/HEAD/PUT)", targets, StringComparison.Ordinal);
        Assert.Contains("Validation cost, CPU: Validation:Mode Full / Mode Off", targets, StringComparison.Ordinal);
        Assert.Contains("Quick mode", text, StringComparison.Ordinal);
    }

    private static string HarnessAssembly => Path.Combine(
        RepositoryRoot.Find(),
        "bench",
        "CostSync.Bench",
        "bin",
        typeof(BenchHarnessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0",
        "CostSync.Bench.dll");
}
