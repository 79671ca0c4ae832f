using CostSync.Formatting;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>The freshness alert end to end: runs succeed, but the newest report in bling is older than <c>Alerts:StaleAfter</c>.</summary>
public sealed class FreshnessAlertEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string OldReport = "reports/cost-csv/0001000000760749-00001.csv.gz";
    private const string FreshReport = "reports/cost-csv/0001000000760749-00002.csv.gz";
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli = await CliHarness.StartAsync(ct, BlingTreeOptions.None);
        _cli.ToSwift(swift, await swift.CreateBucketAsync(ct));
        _cli.VaultHoldsSwiftKeys();
        _cli.Settings["CostSync:Alerts:StaleAfter"] = "1.12:00:00";
        _cli.Settings["CostSync:Alerts:RepeatEvery"] = "1.00:00:00";
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_NewestReportOlderThanStaleAfter_AlertsOnceThenNotWithinRepeatEvery()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = ThreeDaysAgo();
        _cli.Emulator.Objects.Put(OldReport, ReportBytes.Cost(), created: created);

        var first = await _cli.RunAsync(["--once"], ct);
        var second = await _cli.RunAsync(["--once"], ct);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.Equal(CliHarness.TopicId, alert.TopicId);
        Assert.Matches(@"^CostSync on .+: newest cost report is 3\.0 days old$", alert.Title);
        Assert.Contains($"created {Units.Time(created)}, 72h00m", alert.Body, StringComparison.Ordinal);
        Assert.Contains("`CostSync:Alerts:StaleAfter` = 1.12:00:00", alert.Body, StringComparison.Ordinal);
        Assert.Contains("OCI has stopped publishing reports", alert.Body, StringComparison.Ordinal);
        Assert.Contains("policy", alert.Body, StringComparison.Ordinal);
        Assert.Contains("status Succeeded", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_FreshReportAfterStaleAlert_ClearsSilentlySoTheNextStalenessAlertsAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Emulator.Objects.Put(OldReport, ReportBytes.Cost(), created: ThreeDaysAgo());
        var stale = await _cli.RunAsync(["--once"], ct);
        _cli.Emulator.Objects.Put(FreshReport, ReportBytes.Cost(seed: 2), created: TimeProvider.System.GetUtcNow().AddHours(-1));

        var fresh = await _cli.RunAsync(["--once"], ct);
        var afterFresh = _cli.Emulator.Notifications.Messages.Count;
        // The fresh report disappears again (well within RepeatEvery of the first alert): stale again, alerted at once.
        Assert.True(_cli.Emulator.Objects.Remove(FreshReport));
        var staleAgain = await _cli.RunAsync(["--once"], ct);

        Assert.True(stale.ExitCode == 0, stale.ToString());
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.True(staleAgain.ExitCode == 0, staleAgain.ToString());
        Assert.Equal(1, afterFresh);
        var titles = _cli.Emulator.Notifications.Messages.Select(m => m.Title).ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.Contains("newest cost report is 3.0 days old", t, StringComparison.Ordinal));
    }

    private static DateTimeOffset ThreeDaysAgo()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddDays(-3);
    }
}
