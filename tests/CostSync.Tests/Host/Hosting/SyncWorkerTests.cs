using CostSync.Hosting;
using CostSync.State;
using CostSync.Sync;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class SyncWorkerTests : IDisposable
{
    private readonly HostHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Execute_RecentSuccess_WaitsForTickThenRunsAtEachTick()
    {
        var ct = TestContext.Current.CancellationToken;
        await RememberSuccessAsync(TimeSpan.FromHours(1));
        var sut = _harness.Get<SyncWorker>();

        await sut.StartAsync(ct);
        var firstWait = await _harness.Time.NextWaitAsync(ct);
        Assert.Equal(0, _harness.Engine.Runs);
        Assert.Equal(TimeSpan.FromMinutes(270), firstWait);

        _harness.Time.Advance(firstWait);
        await _harness.Engine.NextStartAsync(ct);
        await _harness.Completions.Reader.ReadAsync(ct);
        var secondWait = await _harness.Time.NextWaitAsync(ct);
        _harness.Time.Advance(secondWait);
        await _harness.Engine.NextStartAsync(ct);
        await sut.StopAsync(ct);

        Assert.Equal(TimeSpan.FromHours(6), secondWait);
        Assert.Equal(2, _harness.Engine.Runs);
    }

    [Theory]
    // never ran
    [InlineData(null)]
    // down for longer than one interval
    [InlineData(7.0)]
    public async Task Execute_NoRecentSuccess_CatchesUpAtOnce(double? hoursAgo)
    {
        var ct = TestContext.Current.CancellationToken;
        if (hoursAgo is { } h)
        {
            await RememberSuccessAsync(TimeSpan.FromHours(h));
        }

        var sut = _harness.Get<SyncWorker>();
        await sut.StartAsync(ct);
        await _harness.Engine.NextStartAsync(ct);
        await sut.StopAsync(ct);

        Assert.Equal(1, _harness.Engine.Runs);
        var line = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name is "CatchUpRun" or "FirstRun").Message;
        Assert.Equal(hoursAgo is null ? "No successful run recorded yet in the state directory: running now" : $"Last successful run {_harness.Time.GetUtcNow().AddHours(-hoursAgo.Value):u} is older than one schedule interval: running now", line);
    }

    [Fact]
    public async Task Execute_TickDuringRun_IsSkippedAndLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource<SyncRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Engine.OnRun = (context, token) => release.Task.WaitAsync(token);
        var sut = _harness.Get<SyncWorker>();

        await sut.StartAsync(ct);
        await _harness.Engine.NextStartAsync(ct);
        _harness.Time.Advance(await _harness.Time.NextWaitAsync(ct));
        var afterSkip = await _harness.Time.NextWaitAsync(ct);
        _harness.Engine.OnRun = (context, _) => Task.FromResult(Results.Succeeded() with { RunId = context.RunId });
        release.SetResult(Results.Succeeded());
        await _harness.Completions.Reader.ReadAsync(ct);
        _harness.Time.Advance(afterSkip);
        await _harness.Engine.NextStartAsync(ct);
        await sut.StopAsync(ct);

        Assert.Equal(2, _harness.Engine.Runs);
        var skipped = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "TickSkipped");
        Assert.Contains("2026-11-24 12:00:00Z", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_DuringRun_CancelsTheRunAndEndsCleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Engine.OnRun = async (context, token) =>
        {
            await using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            return Results.Succeeded();
        };
        var sut = _harness.Get<SyncWorker>();

        await sut.StartAsync(ct);
        await _harness.Engine.NextStartAsync(ct);
        await sut.StopAsync(ct);

        Assert.True(cancelled.Task.IsCompleted);
        Assert.True(sut.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Id.Name == "RunCancelled");
        Assert.Null((await _harness.Get<RunHistoryStore>().ReadAsync(ct)).LastSuccessfulRunAt);
    }

    private Task RememberSuccessAsync(TimeSpan ago)
    {
        var at = _harness.Time.GetUtcNow() - ago;
        return _harness.Get<RunHistoryStore>().WriteAsync(new RunHistory("earlier", at, SyncRunStatus.Succeeded, at), TestContext.Current.CancellationToken);
    }
}
