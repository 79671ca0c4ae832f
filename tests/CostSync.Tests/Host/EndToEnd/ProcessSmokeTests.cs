using System.Diagnostics;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>The real executable: exit codes and signal handling as systemd sees them.</summary>
public sealed class ProcessSmokeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Process_InvalidConfiguration_ExitsTwoWithReadableMessage()
    {
        using var process = Start("--once", "--CostSync:Schedule:Cron=0 */6 * *", $"--CostSync:StateDirectory={_directory.Path}", "--CostSync:Logging:Path=");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("`CostSync:Schedule:Cron` = `0 */6 * *` is not a cron expression", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DaemonGetsSigterm_StopsWithExitZero()
    {
        var ct = TestContext.Current.CancellationToken;
        using var process = Start(
            $"--CostSync:StateDirectory={Path.Combine(_directory.Path, "state")}",
            "--CostSync:Logging:Path=",
            "--CostSync:Oci:Auth=InstancePrincipal",
            "--CostSync:Oci:Endpoints:Metadata=http://127.0.0.1:1/opc/v2/",
            "--CostSync:Oci:Retry:MaxRetryAttempts=1",
            "--CostSync:Oci:Retry:BaseDelay=00:00:00.010",
            "--CostSync:Destination:Kind=Directory",
            $"--CostSync:Destination:Path={Path.Combine(_directory.Path, "out")}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            lines.Add(line);
            if (line.Contains("Next run at", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, await stderr);
        // the start-up line names the build: version and commit as stamped at publish
        Assert.Contains(lines, l => l.Contains($"CostSync {BuildInfo.Current.Version} (commit {BuildInfo.Current.Commit}) starting as a daemon", StringComparison.Ordinal));
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CostSyncBuildOutput.Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
