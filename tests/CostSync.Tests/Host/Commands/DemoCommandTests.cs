using CostSync.Tests.Host.Support;
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
        Assert.Matches(@"Run 1 \(full sync\)  : Succeeded: (\d+) listed, \1 copied, 0 changed, 0 unchanged, 0 failed", text);
        Assert.Matches(@"Run 2 \(no changes\) : Succeeded: (\d+) listed, 0 copied, 0 changed, \1 unchanged, 0 failed", text);
        var destination = text.Split('\n').Single(l => l.Contains("Destination  :", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        Assert.Contains(Directory.EnumerateFiles(destination, "*.csv.gz", SearchOption.AllDirectories), f => f.Contains("FOCUS Reports", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(destination)!, recursive: true);
    }
}
