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
    public async Task Process_UnknownOption_ExitsTwoWithTheReasonAndTheUsageLine()
    {
        using var process = Start("doctor", "--prefix", "reports/");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("`--prefix` applies to `list` and `verify`. Usage: CostSync doctor [--json] [--send-test-alert] [--config <FILE>]", await stderr, StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }

    [Fact]
    public async Task Process_UnknownKeyInEnvironment_ExitsTwoNamingTheVariableAndTheClosestKey()
    {
        var environment = new Dictionary<string, string> { ["CostSync__Destination__Prefx"] = "oci" };
        using var process = Start(environment, "--once", "--CostSync:Destination:Kind=Directory", $"--CostSync:Destination:Path={_directory.Path}", $"--CostSync:StateDirectory={_directory.Path}", "--CostSync:Logging:Path=");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("`CostSync:Destination:Prefx` (environment variable `CostSync__Destination__Prefx`) is not a known setting; did you mean `Prefix`", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_StateDirectoryOnReadOnlyFileSystem_ExitsTwoSayingSo()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = Directory.CreateDirectory(Path.Combine(_directory.Path, "state")).FullName;
        // A read-only mount in a private mount namespace (root, or user namespaces), so nothing outside the process sees it.
        const string MountReadOnly = "mount -t tmpfs -o ro costsync-ro \"$0\"";
        using (var probe = Process.Start(new ProcessStartInfo("unshare", ["-m", "--propagation", "private", "sh", "-c", MountReadOnly, state]) { RedirectStandardError = true }))
        {
            await probe!.WaitForExitAsync(ct);
            if (probe.ExitCode != 0)
            {
                Assert.Skip("needs mount namespaces (unshare -m) to make a read-only file system");
            }
        }

        var info = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-m", "--propagation", "private", "sh", "-c", MountReadOnly + " && exec dotnet \"$@\"", state,
            CostSyncBuildOutput.Assembly, "--once", $"--CostSync:StateDirectory={state}", "--CostSync:Logging:Path=",
            "--CostSync:Destination:Kind=Directory", $"--CostSync:Destination:Path={Path.Combine(_directory.Path, "out")}"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 2, await stderr);
        Assert.Contains($"The state directory `{state}` is on a read-only file system", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("holds the lock", await stderr, StringComparison.Ordinal);
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

    private static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    private static Process Start(Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(CostSyncBuildOutput.Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
