using CostSync.Sync;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CostSync.Tests.Sync;

/// <summary>Engine rules that do not depend on the destination kind, checked on a local folder.</summary>
public sealed class SyncEngineTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-engine-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SyncHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Plan_NewAndUnchangedObjects_LogsAReasonPerObjectAtDebugAndWritesNothing()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2026/11/24/f.csv.gz", 200);
        await using var sut = CreateDestination();

        var plan = await _harness.Engine.PlanAsync(new SyncRunContext("plan-1", sut), Ct);

        Assert.All(plan.Items, i => Assert.Equal(PlannedAction.CopyNew, i.Action));
        Assert.Equal(300, plan.BytesToCopy);
        Assert.False(Directory.Exists(_root));
        Assert.Equal(0, _harness.Source.GetCalls);
        var reasons = _harness.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Debug && r.Id.Id == 3001).Select(r => r.Message).ToList();
        Assert.Contains("reports/cost-csv/0001-00001.csv.gz: CopyNew (absent at destination)", reasons);
        Assert.Contains("FOCUS Reports/2026/11/24/f.csv.gz: CopyNew (absent at destination)", reasons);
    }

    [Fact]
    public async Task Run_IncludeAndExcludeGlobs_CopiesOnlyMatchingNames()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2024/01/01/old.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2026/11/24/new.csv.gz", 100);
        _harness.Source.Put("other/ignored.txt", 100);
        _harness.SourceOptions.Include.Add("FOCUS Reports/**");
        _harness.SourceOptions.Include.Add("reports/**");
        _harness.SourceOptions.Exclude.Add("FOCUS Reports/2024/**");
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(["FOCUS Reports/2026/11/24/new.csv.gz", "reports/cost-csv/0001-00001.csv.gz"], result.Outcomes.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Totals.Listed);
    }

    [Fact]
    public async Task Run_SourceBucketMissing_ThrowsBecauseTheRunCannotStart()
    {
        _harness.SourceOptions.Bucket = "not-the-tenancy";
        await using var sut = CreateDestination();

        await Assert.ThrowsAsync<CostSync.Oci.OciServiceException>(() => _harness.RunAsync(sut, Ct));
    }

    [Fact]
    public async Task Run_EveryCopyFails_StatusFailedWithFirstError()
    {
        _harness.TransferOptions.MaxAttempts = 2;
        _harness.Source.Put("a.csv.gz", 100);
        _harness.Source.InjectFaults("a.csv.gz", FakeGetFault.ServiceUnavailable, FakeGetFault.ServiceUnavailable);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, result.Status);
        Assert.Equal(1, result.Totals.Failed);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OverwriteProtection_RefusesReplacingAReportPreservesNothingAndRecordsTheOthers()
    {
        _harness.DestinationOptions.OverwriteProtection = true;
        _harness.Source.Put("a.csv.gz", 100);
        await using var sut = new DirectoryDestination(_root, overwriteProtection: true, _harness.Time);
        await _harness.RunAsync(sut, Ct);
        _harness.Source.Put("a.csv.gz", 120, seed: 5);
        _harness.Source.Put("b.csv.gz", 100);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.PartiallyFailed, result.Status);
        Assert.Contains("overwrite protection", Assert.Single(result.Outcomes, o => !o.Succeeded).Error, StringComparison.Ordinal);
        Assert.Equal(100, new FileInfo(Path.Combine(_root, "a.csv.gz")).Length);
        Assert.Contains("b.csv.gz", await LedgerContents.RecordedKeysAsync(sut, string.Empty, Ct));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_root, ".costsync"), "*", SearchOption.AllDirectories), f => f.Contains("superseded", StringComparison.Ordinal));
    }

    private DirectoryDestination CreateDestination() => new(_root, overwriteProtection: false, _harness.Time);
}
