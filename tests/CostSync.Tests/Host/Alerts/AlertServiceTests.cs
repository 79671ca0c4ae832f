using CostSync.Alerts;
using CostSync.Configuration;
using CostSync.Logging;
using CostSync.State;
using CostSync.Sync.Configuration;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Host.Alerts;

public sealed class AlertServiceTests : IDisposable
{
    private const string Topic = "ocid1.onstopic.oc1.iad.alerts";
    private readonly TempDirectory _state = new();
    private readonly CollectingNotificationClient _notifications = new();
    private readonly FakeTimeProvider _time = new(Results.Start);

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task OnRunCompleted_StreakRepeatRecovery_SendsThreeMessagesAcrossRestarts()
    {
        var ct = TestContext.Current.CancellationToken;
        await CreateSut().OnRunCompletedAsync(Results.PartiallyFailed(failed: 3, listed: 412), null, ct);
        _time.Advance(TimeSpan.FromHours(6));
        await CreateSut().OnRunCompletedAsync(Results.PartiallyFailed(), null, ct);
        _time.Advance(TimeSpan.FromHours(18));
        await CreateSut().OnRunCompletedAsync(Results.Failed(), null, ct);
        _time.Advance(TimeSpan.FromHours(6));
        await CreateSut().OnRunCompletedAsync(Results.Succeeded(_time.GetUtcNow()), null, ct);

        var titles = _notifications.Messages.Select(m => m.Title).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Equal($"CostSync PARTIALLY FAILED on {Environment.MachineName}: 3 of 412 objects", titles[0]);
        Assert.StartsWith($"CostSync FAILED on {Environment.MachineName}", titles[1], StringComparison.Ordinal);
        Assert.Equal($"CostSync recovered on {Environment.MachineName}", titles[2]);
        Assert.All(_notifications.Messages, m => Assert.Equal(Topic, m.TopicId));
    }

    [Fact]
    public async Task OnRunCompleted_FailureBody_HoldsRunIdCountsErrorsLogFileAndNextRun()
    {
        var next = Results.Start.AddHours(6);

        await CreateSut().OnRunCompletedAsync(Results.PartiallyFailed(failed: 25), next, TestContext.Current.CancellationToken);

        var body = Assert.Single(_notifications.Messages).Body;
        Assert.Contains("Run: run-partial", body, StringComparison.Ordinal);
        Assert.Contains("25 failed", body, StringComparison.Ordinal);
        Assert.Contains("Errors (first 20 of 25):", body, StringComparison.Ordinal);
        Assert.Contains("- FOCUS Reports/2026/11/24/f19.csv.gz: read timed out (19)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("f20.csv.gz", body, StringComparison.Ordinal);
        Assert.Contains("Log file: /var/log/costsync/costsync-<yyyyMMdd>.log", body, StringComparison.Ordinal);
        Assert.Contains("Next run: 2026-11-24 12:00:00Z", body, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(body) < 64 * 1024);
    }

    [Fact]
    public async Task OnRunCompleted_ContentFindings_OneMessageNamingEachReportAndDrift()
    {
        await CreateSut().OnRunCompletedAsync(Results.WithContentFindings(), null, TestContext.Current.CancellationToken);

        var message = Assert.Single(_notifications.Messages);
        Assert.Equal($"CostSync on {Environment.MachineName}: 1 report(s) with invalid content, 1 report(s) with new columns", message.Title);
        Assert.Contains("- reports/ok-0.csv.gz: not a gzip stream: it looks like uncompressed text", message.Body, StringComparison.Ordinal);
        Assert.Contains("- Schema drift in FOCUS reports: reports/ok-1.csv.gz has 1 new column ('oci_New')", message.Body, StringComparison.Ordinal);
        Assert.Contains("status Succeeded", message.Body, StringComparison.Ordinal);
        Assert.Contains("1 with invalid content", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRunCompleted_StaleSource_SendsFreshnessAlert()
    {
        await CreateSut().OnRunCompletedAsync(Results.Succeeded(Results.Start.AddDays(-2)), null, TestContext.Current.CancellationToken);

        var message = Assert.Single(_notifications.Messages);
        Assert.Contains("newest cost report is 2.0 days old", message.Title, StringComparison.Ordinal);
        Assert.Contains("usage-report", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRunCompleted_PublishFails_DoesNotThrowAndRetriesOnNextRun()
    {
        var ct = TestContext.Current.CancellationToken;
        _notifications.Fail = true;
        await CreateSut().OnRunCompletedAsync(Results.Failed(), null, ct);
        _notifications.Fail = false;
        _time.Advance(TimeSpan.FromHours(1));

        await CreateSut().OnRunCompletedAsync(Results.Failed(), null, ct);

        Assert.Single(_notifications.Messages);
    }

    [Fact]
    public async Task OnRunCompleted_StaleSourceAfterPartialFailure_DoesNotSayRunsSucceed()
    {
        await CreateSut().OnRunCompletedAsync(Results.PartiallyFailed(newest: Results.Start.AddDays(-2)), null, TestContext.Current.CancellationToken);

        var stale = Assert.Single(_notifications.Messages, m => m.Title!.Contains("newest cost report", StringComparison.Ordinal));
        Assert.DoesNotContain("Runs still succeed", stale.Body, StringComparison.Ordinal);
        Assert.Contains("The last run partially failed (see the failure alert)", stale.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRunCompleted_NothingListedWithFilters_AlertsOnceNamingThePatterns()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = new SourceOptions();
        source.Include.Add("reports/usage-csv/*.csv.gz");

        await CreateSut(source).OnRunCompletedAsync(Results.NothingListed(), null, ct);
        _time.Advance(TimeSpan.FromHours(6));
        await CreateSut(source).OnRunCompletedAsync(Results.NothingListed(), null, ct);

        var message = Assert.Single(_notifications.Messages);
        Assert.Equal($"CostSync on {Environment.MachineName}: no cost reports listed", message.Title);
        Assert.Contains("0 source objects listed in oci://bling/<tenancy OCID> after `CostSync:Source:Include` (`reports/usage-csv/*.csv.gz`)", message.Body, StringComparison.Ordinal);
        Assert.Contains("costsync list", message.Body, StringComparison.Ordinal);
        Assert.Contains("Run: run-empty", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRunCompleted_NothingListedWithoutFilters_SaysTheBucketIsEmpty()
    {
        await CreateSut().OnRunCompletedAsync(Results.NothingListed(), null, TestContext.Current.CancellationToken);

        Assert.Contains("the bucket is empty", Assert.Single(_notifications.Messages).Body, StringComparison.Ordinal);
    }

    private AlertService CreateSut(SourceOptions? source = null)
    {
        var alertOptions = Options.Create(new AlertOptions { TopicId = Topic });
        var store = new StateStore(Options.Create(new CostSyncOptions { StateDirectory = _state.Path }));
        var builder = new AlertMessageBuilder(new LogFileLocation("/var/log/costsync/costsync-<yyyyMMdd>.log"), Options.Create(source ?? new SourceOptions()));
        var publisher = new AlertPublisher(_notifications, alertOptions, NullLogger<AlertPublisher>.Instance);
        return new AlertService(publisher, builder, store, alertOptions, _time, NullLogger<AlertService>.Instance);
    }
}
