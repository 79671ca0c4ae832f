using CostSync.Hosting;
using CostSync.Oci.Telemetry;
using CostSync.State;
using CostSync.Sync;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class RunCoordinatorTests : IDisposable
{
    private readonly HostHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunOnce_Succeeded_RecordsHistoryAndLogsOneSummaryWithRunId()
    {
        var ct = TestContext.Current.CancellationToken;

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        var history = await _harness.Get<RunHistoryStore>().ReadAsync(ct);
        Assert.Equal(outcome.Result!.RunId, history.LastRunId);
        Assert.Equal(_harness.Time.GetUtcNow(), history.LastSuccessfulRunAt);
        var summary = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "RunSummary");
        Assert.StartsWith($"Run {outcome.Result.RunId} Succeeded: 10 listed, 2 copied", summary.Message, StringComparison.Ordinal);
        Assert.Contains("next run 2026-11-24 12:00:00Z", summary.Message, StringComparison.Ordinal);
        Assert.All(_harness.Logs.GetSnapshot().Where(r => r.Category == typeof(RunCoordinator).FullName), r =>
            Assert.Contains(r.Scopes, s => s is IEnumerable<KeyValuePair<string, object>> pairs && pairs.Any(p => p.Key == "RunId" && Equals(p.Value, outcome.Result.RunId))));
    }

    [Fact]
    public async Task RunOnce_CallsRetriedDuringTheRun_CountsThemPerSideInTheResultAndTheSummaryLine()
    {
        var tally = _harness.Get<RetryTally>();
        tally.OciRetried();
        _harness.Engine.OnRun = (context, _) =>
        {
            // What the OCI clients and the S3 client count while the run goes; the engine counts whole-object attempts itself.
            tally.OciRetried();
            tally.OciRetried();
            tally.S3Retried(3);
            return Task.FromResult(Results.Succeeded() with { RunId = context.RunId, Totals = Results.Succeeded().Totals with { ObjectRetries = 1 } });
        };

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2L, 3L, 1), (outcome.Result!.Totals.OciRetries, outcome.Result.Totals.S3Retries, outcome.Result.Totals.ObjectRetries));
        var summary = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "RunSummary");
        Assert.Contains("; retried 2 OCI calls, 3 S3 calls, 1 objects;", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_LockHeldByAnotherProcess_ReturnsLockHeldWithoutRunning()
    {
        using var held = _harness.Get<RunLock>().TryAcquire(out _);

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.LockHeld, outcome.Kind);
        Assert.Contains($"pid {Environment.ProcessId}", outcome.LockHolder, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Engine.Runs);
    }

    [Fact]
    public async Task RunOnce_LockFileUnusableAfterStart_FailsTheRunSayingWhyAndAlerts()
    {
        // The state directory broke after start-up (here the lock file points into a folder that is gone).
        File.CreateSymbolicLink(Path.Combine(_harness.StateDirectory, RunLock.FileName), Path.Combine(_harness.StateDirectory, "gone", RunLock.FileName));

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.Failed, outcome.Kind);
        Assert.StartsWith($"The state directory `{_harness.StateDirectory}` cannot be written", outcome.Result!.Error, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Engine.Runs);
        Assert.Contains(outcome.Result.Error!, Assert.Single(_harness.Notifications.Messages).Body, StringComparison.Ordinal);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Name == "RunFailed" && r.Message.Contains("The state directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnce_NothingListed_WarnsWithTheHintAndMarksTheSummary()
    {
        _harness.Engine.OnRun = (context, _) => Task.FromResult(Results.NothingListed() with { RunId = context.RunId });

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        var warning = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "NothingListed");
        Assert.Contains("0 source objects listed in oci://bling/<tenancy OCID>: the bucket is empty", warning.Message, StringComparison.Ordinal);
        var summary = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "RunSummary");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, summary.Level);
        Assert.EndsWith("; WARNING: no source object was listed (see the warning above)", summary.Message, StringComparison.Ordinal);
        Assert.EndsWith("no cost reports listed", Assert.Single(_harness.Notifications.Messages).Title, StringComparison.Ordinal);
    }

    [Theory]
    // every object refused
    [InlineData(false)]
    // the destination listing itself refused (the engine throws)
    [InlineData(true)]
    public async Task RunOnce_S3DeniedAfterRotation_RereadsVaultOnceAndRetriesWithNewKeys(bool engineThrows)
    {
        _harness.Engine.OnRun = (context, _) =>
        {
            if (_harness.Engine.Runs > 1)
            {
                return Task.FromResult(Results.Succeeded() with { RunId = context.RunId });
            }

            // The keys were rotated in Vault while the run used the old ones.
            _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys("AKIASECONDKEY", "second/secret"));
            return engineThrows
                ? Task.FromException<SyncRunResult>(new Amazon.S3.AmazonS3Exception("Access Denied") { StatusCode = System.Net.HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" })
                : Task.FromResult(Results.PartiallyFailed() with { Outcomes = [Denied("a.csv.gz", "AccessDenied")] });
        };

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(2, _harness.Secrets.Reads);
        Assert.Equal(["AKIAFIRSTKEY", "AKIASECONDKEY"], _harness.Destinations.Credentials.Select(c => c!.GetCredentials().AccessKey));
    }

    [Fact]
    public async Task RunOnce_S3DeniedWithUnchangedKeys_DoesNotRetry()
    {
        _harness.Engine.OnRun = (context, _) => Task.FromResult(Results.PartiallyFailed() with { RunId = context.RunId, Outcomes = [Denied("a.csv.gz", "AccessDenied")] });

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.PartiallyFailed, outcome.Kind);
        Assert.Equal(1, _harness.Engine.Runs);
        Assert.Equal(2, _harness.Secrets.Reads);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Name == "AccessDeniedSameKeys");
    }

    [Fact]
    public async Task RunOnce_S3ExpiredToken_RereadsVaultLikeADenial()
    {
        _harness.Engine.OnRun = (context, _) =>
        {
            if (_harness.Engine.Runs > 1)
            {
                return Task.FromResult(Results.Succeeded() with { RunId = context.RunId });
            }

            // Session keys expired during the run (S3 answers 400 ExpiredToken, not 403); Vault holds fresh ones.
            _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys("AKIASECONDKEY", "second/secret"));
            return Task.FromException<SyncRunResult>(new Amazon.S3.AmazonS3Exception("The provided token has expired.") { StatusCode = System.Net.HttpStatusCode.BadRequest, ErrorCode = "ExpiredToken" });
        };

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(["AKIAFIRSTKEY", "AKIASECONDKEY"], _harness.Destinations.Credentials.Select(c => c!.GetCredentials().AccessKey));
    }

    [Theory]
    // "403" or "Access Denied" in a message (an object name, a proxy's text) is not S3 refusing the keys
    [InlineData("reports/cost-csv/0001403-00001.csv.gz: read timed out", null)]
    [InlineData("proxy said: 403 Access Denied", null)]
    // a real error code that is not a denial
    [InlineData("We encountered an internal error.", "InternalError")]
    public async Task RunOnce_FailureWithoutADenialCode_DoesNotRereadVault(string error, string? code)
    {
        _harness.Engine.OnRun = (context, _) => Task.FromResult(Results.PartiallyFailed() with
        {
            RunId = context.RunId,
            Outcomes = [new ObjectOutcome("a.csv.gz", PlannedAction.CopyNew, false, 0, error) { ErrorCode = code }],
        });

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.PartiallyFailed, outcome.Kind);
        Assert.Equal(1, _harness.Secrets.Reads);
        Assert.DoesNotContain(_harness.Logs.GetSnapshot(), r => r.Id.Name is "AccessDeniedSameKeys" or "AccessDeniedRetry");
    }

    [Fact]
    public async Task RunOnce_KeysRotatedBetweenRuns_EachRunReadsVault()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = _harness.Get<RunCoordinator>();
        await sut.RunOnceAsync(ct);
        _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys("AKIASECONDKEY", "second/secret"));

        await sut.RunOnceAsync(ct);

        Assert.Equal(["AKIAFIRSTKEY", "AKIASECONDKEY"], _harness.Destinations.Credentials.Select(c => c!.GetCredentials().AccessKey));
    }

    [Fact]
    public async Task RunOnce_MalformedSecret_FailsWithoutRunningAndAlerts()
    {
        _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys("AKIA BROKEN", "s3cr3t"));

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RunOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(0, _harness.Engine.Runs);
        Assert.Contains("whitespace inside the value", outcome.Result!.Error, StringComparison.Ordinal);
        var alert = Assert.Single(_harness.Notifications.Messages);
        Assert.StartsWith($"CostSync FAILED on {Environment.MachineName}", alert.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_EngineCannotStart_ReturnsFailedAndKeepsLastSuccess()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = _harness.Get<RunCoordinator>();
        await sut.RunOnceAsync(ct);
        var lastSuccess = (await _harness.Get<RunHistoryStore>().ReadAsync(ct)).LastSuccessfulRunAt;
        _harness.Time.Advance(TimeSpan.FromHours(6));
        _harness.Engine.OnRun = (_, _) => Task.FromException<SyncRunResult>(new CostSync.Oci.OciServiceException(System.Net.HttpStatusCode.NotFound, "BucketNotFound", "The bucket was not found.", "req"));

        var outcome = await sut.RunOnceAsync(ct);

        Assert.Equal(RunOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("The bucket was not found.", outcome.Result!.Error);
        var history = await _harness.Get<RunHistoryStore>().ReadAsync(ct);
        Assert.Equal(SyncRunStatus.Failed, history.LastStatus);
        Assert.Equal(lastSuccess, history.LastSuccessfulRunAt);
    }

    [Fact]
    public async Task RunOnce_SecretsWithWhitespace_NeverAppearInAnyLogLine()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Access = "AKIALEAKCHECK1";
        const string Secret = "leak/check/secret+value1";
        _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys(Access, Secret + "\\n "));
        _harness.Engine.OnRun = (context, _) => Task.FromResult(Results.PartiallyFailed() with { RunId = context.RunId, Outcomes = [Denied("a.csv.gz", "AccessDenied")] });
        var sut = _harness.Get<RunCoordinator>();
        await sut.RunOnceAsync(ct);
        _harness.Secrets.Set(HostHarness.SecretJsonId, HostHarness.Keys(Access, "leak/check inner"));
        await sut.RunOnceAsync(ct);

        var lines = _harness.Logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception} {string.Join(' ', r.Scopes)} {string.Join(' ', r.StructuredState ?? [])}").ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain(Access, line, StringComparison.Ordinal);
            Assert.DoesNotContain("leak/check", line, StringComparison.Ordinal);
        });
        Assert.All(_harness.Notifications.Messages, m => Assert.DoesNotContain("leak/check", m.Body, StringComparison.Ordinal));
    }

    private static ObjectOutcome Denied(string name, string code) =>
        new(name, PlannedAction.CopyNew, false, 0, "Access Denied") { ErrorCode = code };
}
