using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Host.EndToEnd;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// The machine CostSync runs on gets in the way: a log folder it cannot write, a log file whose disk is or becomes full, a state
/// directory on a full disk. Logs are not data: the run goes on and says once where its lines went; state is needed for a run:
/// start-up refuses with the reason and the fix. An unwritable or read-only state directory is covered in
/// <see cref="MisconfigurationEndToEndTests"/>, <see cref="ProcessSmokeTests"/> and <see cref="CliEndToEndTests"/>.
/// </summary>
public sealed class HostEnvironmentBadInputTests : IAsyncLifetime
{
    private BadInputScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        // The default tree: enough reports that one run writes several KiB of log lines.
        _scenario = await BadInputScenario.ToDirectoryAsync(Ct, new OciEmulatorOptions { Tree = BlingTreeOptions.Default });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Once_LogFolderNotWritable_WarnsOnceOnTheConsoleAndArchivesEverything()
    {
        // sysfs refuses new files even to root, so it stands for a folder the service user cannot write.
        _scenario.Cli.Settings["CostSync:Logging:Path"] = "/sys/costsync-logs";

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, _scenario.Describe(result));
        var warning = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Name == "LogFileUnavailable");
        Assert.Contains("Cannot write log files to `/sys/costsync-logs`", warning.Message, StringComparison.Ordinal);
        Assert.Contains("logging to the console only. Create the directory for the service user or set `CostSync:Logging:Path`", warning.Message, StringComparison.Ordinal);
        await AssertEverythingArchivedAsync();
    }

    [Theory]
    // the disk is already full when CostSync starts: found by the start-up probe
    [InlineData("log-disk-full-at-start", "16k", true, "Cannot write log files to `{0}` (No space left on device", "logging to the console only")]
    // the disk fills while the run writes its log: the file sink fails mid-run
    [InlineData("log-disk-fills-during-run", "4k", false, "Cannot write the log file in `{0}` (No space left on device", "log lines from now on are on the console (journald) only, not in the file. Free space on that file system")]
    public async Task Process_LogDiskFull_RunArchivesEverythingAndSaysOnceWhereTheLogGoes(string @case, string size, bool full, string warning, string fix)
    {
        Assert.NotEmpty(@case);
        var logs = Path.Combine(_scenario.Cli.StateDirectory + "-logs");
        if (!await FullDiskProcess.IsAvailableAsync(logs, Ct))
        {
            Assert.Skip("needs mount namespaces (unshare -m) to make a full file system");
        }

        var settings = new Dictionary<string, string?>(_scenario.Cli.Settings) { ["CostSync:Logging:Path"] = logs };

        var (exitCode, output) = await FullDiskProcess.RunAsync(logs, size, full, settings, await EmptyConfigAsync(), Ct, "--once");

        Assert.True(exitCode == 0, $"exit {exitCode}: {output.ReplaceLineEndings(" ¶ ")}");
        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, warning, logs);
        var lines = output.Split('\n').Where(l => l.Contains(expected, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"{lines.Count} warning lines: {output.ReplaceLineEndings(" ¶ ")}");
        Assert.Contains(fix, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Contains("Succeeded", output, StringComparison.Ordinal);
        await AssertEverythingArchivedAsync();
    }

    [Fact]
    public async Task Process_StateDirectoryOnFullDisk_ExitsTwoSayingSoAndWhatToFree()
    {
        var state = _scenario.Cli.StateDirectory + "-full";
        if (!await FullDiskProcess.IsAvailableAsync(state, Ct))
        {
            Assert.Skip("needs mount namespaces (unshare -m) to make a full file system");
        }

        var settings = new Dictionary<string, string?>(_scenario.Cli.Settings) { ["CostSync:StateDirectory"] = state };

        var (exitCode, output) = await FullDiskProcess.RunAsync(state, "16k", full: true, settings, await EmptyConfigAsync(), Ct, "--once");

        Assert.True(exitCode == 2, output.ReplaceLineEndings(" ¶ "));
        Assert.Contains($"The state directory `{state}` is on a full disk (or the user's quota is used up)", output, StringComparison.Ordinal);
        Assert.Contains("Free space on that file system (`df -h` shows which one is full)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(_scenario.Emulator.Requests.Entries);
    }

    private async Task<string> EmptyConfigAsync()
    {
        var file = _scenario.Cli.StateDirectory + "-appsettings.json";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "{}", Ct);
        return file;
    }

    private async Task AssertEverythingArchivedAsync()
    {
        var recorded = await _scenario.RecordedAsync(Ct);
        foreach (var (name, bytes) in _scenario.Source)
        {
            Assert.Equal(bytes, await _scenario.ReadAsync(name, Ct));
            Assert.Contains(name, recorded);
        }
    }
}
