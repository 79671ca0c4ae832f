using CostSync.Sync;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Transfer;

/// <summary>The one retry pipeline of a copy, through the engine: attempts per object, not per part, and backoff on the clock.</summary>
public sealed class CopyRetriesTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-retries-" + Guid.NewGuid().ToString("N")[..8]);
    private SyncHarness _harness = new();

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
    public async Task Copy_OnePartFailsEveryRead_ThatRangeIsReadOncePerAttemptOfTheObject()
    {
        _harness.TransferOptions.MaxAttempts = 3;
        var big = _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        _harness.Source.FailRangeAlways(big.Name, 5 * MiB, FakeGetFault.TruncatedBody);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, result.Status);
        Assert.Contains("truncated read", Assert.Single(result.Outcomes).Error, StringComparison.Ordinal);
        Assert.Equal(3, _harness.Source.ReadsAt(big.Name, 5 * MiB));
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync(string.Empty, Ct)));
    }

    [Fact]
    public async Task Copy_FirstAttemptFails_NextAttemptWaitsForTheBackoffOnTheTimeProvider()
    {
        var time = new SignallingTimeProvider(TimeProvider.System.GetUtcNow()) { IgnoredDueTime = TimeSpan.FromHours(1) };
        await _harness.DisposeAsync();
        _harness = new SyncHarness { Time = time };
        _harness.TransferOptions.RetryDelay = TimeSpan.FromSeconds(10);
        _harness.TransferOptions.StallTimeout = TimeSpan.FromHours(1);
        var o = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        _harness.Source.InjectFaults(o.Name, FakeGetFault.ServiceUnavailable);
        await using var sut = CreateDestination();

        var run = _harness.RunAsync(sut, Ct);
        var backoff = await time.NextWaitAsync(Ct);
        Assert.False(run.IsCompleted);
        Assert.InRange(backoff, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));
        time.Advance(backoff);
        var result = await run;

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(2, _harness.Source.ReadsAt(o.Name, 0));
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Name == "CopyAttemptFailed" && r.Message.Contains("Attempt 1 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Copy_SourceBodyStalls_AttemptIsAbortedAfterStallTimeoutAndTheNextOneSucceeds()
    {
        _harness.TransferOptions.StallTimeout = TimeSpan.FromSeconds(30);
        var o = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 100_000);
        _harness.Source.InjectFaults(o.Name, FakeGetFault.Stalled);
        await using var sut = CreateDestination();

        var run = _harness.RunAsync(sut, Ct);
        await _harness.Source.Stalled.Task.WaitAsync(Ct);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await run;

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Name == "CopyAttemptFailed" && r.Message.Contains("delivered no bytes for 00:00:30", StringComparison.Ordinal));
        Assert.Equal(100_000, new FileInfo(Path.Combine(_root, o.Name)).Length);
    }

    private DirectoryDestination CreateDestination() => new(_root, overwriteProtection: false, _harness.Time);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items)
        {
            list.Add(i);
        }

        return list;
    }
}
