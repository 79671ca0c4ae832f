using System.Diagnostics;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_CleanMachine_FullSyncThenNoChangeRun()
    {
        var sink = new CollectingSink();
        using var output = new StringWriter();
        var environment = new AppEnvironment { BootstrapLogger = sink.CreateLogger(), Output = output, WriteToConsole = false, UseSystemConfigFile = false, UseEnvironmentVariables = false };

        var exitCode = await CostSyncApp.RunAsync(["demo"], environment, TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(exitCode == 0, text + string.Join(Environment.NewLine, sink.Lines));
        AssertDemoOutput(text);
        // the emulator ran as a child process and took its throwaway API key with it when it stopped
        var keyFile = text.Split('\n').Single(l => l.Contains("OCI API key  :", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        Assert.False(File.Exists(keyFile), $"{keyFile} outlived the emulator");
    }

    [Fact]
    public async Task Demo_EmulatorNotNextToCostSync_ExplainsItIsNotPublishedAndHowToRunIt()
    {
        var sink = new CollectingSink();
        using var output = new StringWriter();
        using var empty = new TempDirectory();
        var environment = new AppEnvironment
        {
            BootstrapLogger = sink.CreateLogger(),
            Output = output,
            WriteToConsole = false,
            UseSystemConfigFile = false,
            UseEnvironmentVariables = false,
            DemoEmulatorPath = Path.Combine(empty.Path, "CostSync.OciEmulator.dll"),
        };

        var exitCode = await CostSyncApp.RunAsync(["demo"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(sink.Lines);
        Assert.Contains("not part of a published (deployed) CostSync", line, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/CostSync -- demo", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_EmulatorDoesNotStart_SaysSoWithoutAStackTrace()
    {
        var sink = new CollectingSink();
        using var empty = new TempDirectory();
        var notAnAssembly = Path.Combine(empty.Path, "CostSync.OciEmulator.dll");
        await File.WriteAllTextAsync(notAnAssembly, "not an assembly", TestContext.Current.CancellationToken);
        var environment = new AppEnvironment { BootstrapLogger = sink.CreateLogger(), Output = TextWriter.Null, WriteToConsole = false, UseSystemConfigFile = false, UseEnvironmentVariables = false, DemoEmulatorPath = notAnAssembly };

        var exitCode = await CostSyncApp.RunAsync(["demo"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(sink.Lines);
        Assert.StartsWith("Error: `demo` could not start the OCI emulator:", line, StringComparison.Ordinal);
        Assert.Contains(notAnAssembly, line, StringComparison.Ordinal);
    }

    [Fact]
    public void CostSyncAssembly_References_NeitherAspNetCoreNorTheEmulator()
    {
        var references = typeof(CostSyncApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("CostSync.OciEmulator", references);
    }

    /// <summary>What <c>dotnet run --project src/CostSync -- demo</c> runs: CostSync.dll from src/CostSync's own build output.</summary>
    [Fact]
    public async Task Demo_FromCostSyncBuildOutput_RunsWithTheEmulatorBuiltAlongside()
    {
        var ct = TestContext.Current.CancellationToken;
        var buildOutput = CostSyncBuildOutput.Directory;
        Assert.True(File.Exists(Path.Combine(buildOutput, "CostSync.OciEmulator.dll")), $"the emulator is not built next to CostSync.dll in {buildOutput}");
        Assert.True(File.Exists(Path.Combine(buildOutput, "CostSync.OciEmulator.runtimeconfig.json")), buildOutput);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(buildOutput, "CostSync.dll"));
        start.ArgumentList.Add("demo");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 0, await stdout + await stderr);
        AssertDemoOutput(await stdout);
    }

    private static void AssertDemoOutput(string text)
    {
        Assert.Matches(@"Run 1 \(full sync\)  : Succeeded: (\d+) listed, \1 copied, 0 changed, 0 unchanged, 0 failed", text);
        Assert.Matches(@"Run 2 \(no changes\) : Succeeded: (\d+) listed, 0 copied, 0 changed, \1 unchanged, 0 failed", text);
        var destination = text.Split('\n').Single(l => l.Contains("Destination  :", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        Assert.Contains(Directory.EnumerateFiles(destination, "*.csv.gz", SearchOption.AllDirectories), f => f.Contains("FOCUS Reports", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(destination)!, recursive: true);
    }
}
