using System.Threading.Channels;
using CostSync.Sync;

namespace CostSync.Tests.Host.Support;

/// <summary>An engine whose runs the test scripts; signals every start.</summary>
internal sealed class FakeSyncEngine : ISyncEngine
{
    private readonly Channel<SyncRunContext> _started = Channel.CreateUnbounded<SyncRunContext>();
    private int _runs;

    public Func<SyncRunContext, CancellationToken, Task<SyncRunResult>> OnRun { get; set; } =
        (context, _) => Task.FromResult(Results.Succeeded() with { RunId = context.RunId });

    public SyncPlan Plan { get; set; } = new([], null);

    public int Runs => Volatile.Read(ref _runs);

    public Task<SyncPlan> PlanAsync(SyncRunContext context, CancellationToken cancellationToken) => Task.FromResult(Plan);

    public Task<SyncRunResult> RunAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        _started.Writer.TryWrite(context);
        return OnRun(context, cancellationToken);
    }

    /// <summary>Waits until the next run starts.</summary>
    public ValueTask<SyncRunContext> NextStartAsync(CancellationToken cancellationToken) => _started.Reader.ReadAsync(cancellationToken);
}
