using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// Misconfigurations a new operator makes, through the real CLI against the OCI emulator: each ends with one clear
/// line naming what is wrong and the fix, and the documented exit code, never a stack trace or a misleading cause.
/// </summary>
public sealed class MisconfigurationEndToEndTests : IAsyncLifetime
{
    // sysfs refuses new files even to root, so it stands for any directory the service user cannot write.
    private const string UnwritableDirectory = "/sys";
    private CliHarness _cli = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _cli.ToDirectory();
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Daemon_StateDirectoryNotWritable_ExitsTwoAtStartSayingWhy()
    {
        _cli.Settings["CostSync:StateDirectory"] = UnwritableDirectory;
        // Without the start-up check the daemon would sit waiting for its schedule; the timeout only bounds that failure.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        var result = await _cli.RunAsync([], timeout.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.BootstrapLines, l => l.Contains("The state directory", StringComparison.Ordinal));
        Assert.Contains($"The state directory `{UnwritableDirectory}` is not writable by this user", line, StringComparison.Ordinal);
        Assert.Contains("`CostSync:StateDirectory`", line, StringComparison.Ordinal);
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Empty(_cli.Emulator.Requests.Entries);
    }

    [Fact]
    public async Task Doctor_StateAndLogDirectoriesNotWritable_FailsTheStateAndWarnsTheLog()
    {
        _cli.Settings["CostSync:StateDirectory"] = UnwritableDirectory;
        _cli.Settings["CostSync:Logging:Path"] = Path.Combine(UnwritableDirectory, "costsync-logs");

        var result = await _cli.RunAsync(["doctor"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"FAIL  state directory     `{UnwritableDirectory}` is not writable by this user", result.Output, StringComparison.Ordinal);
        Assert.Contains("-> fix: make it writable for the service user", result.Output, StringComparison.Ordinal);
        Assert.Contains($"WARN  log directory       Cannot write log files to `{UnwritableDirectory}/costsync-logs`", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_IncludeGlobMatchesNothing_WarnsInLogAndSummaryAndAlerts()
    {
        _cli.Settings["CostSync:Source:Include:0"] = "reports/cost-csv/*.csv";

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var logs = _cli.Logs.GetSnapshot();
        var warning = Assert.Single(logs, r => r.Id.Name == "NothingListed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("after `CostSync:Source:Include` (`reports/cost-csv/*.csv`)", warning.Message, StringComparison.Ordinal);
        var summary = Assert.Single(logs, r => r.Id.Name == "RunSummary");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, summary.Level);
        Assert.Contains(": 0 listed, 0 copied", summary.Message, StringComparison.Ordinal);
        Assert.Contains("WARNING: no source object was listed", summary.Message, StringComparison.Ordinal);
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.EndsWith(": no cost reports listed", alert.Title, StringComparison.Ordinal);
        Assert.Contains("the patterns match none of the report names", alert.Body, StringComparison.Ordinal);
    }
}
