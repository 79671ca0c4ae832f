using CostSync.State;
using CostSync.Sync;

namespace CostSync.Metrics;

/// <summary>Adds a run to the persisted <see cref="MetricsTotals"/> (<c>metrics-state.json</c> in the state directory).</summary>
internal sealed class MetricsTotalsStore(StateStore store)
{
    public async Task<MetricsTotals> AddAsync(SyncRunResult result, CancellationToken cancellationToken)
    {
        var before = await store.ReadAsync<MetricsTotals>(MetricsTotals.FileName, cancellationToken) ?? MetricsTotals.Zero;
        var t = result.Totals;
        var after = before with
        {
            ObjectsCopied = before.ObjectsCopied + t.Copied + t.Changed,
            BytesCopied = before.BytesCopied + t.Bytes,
            RunsSucceeded = before.RunsSucceeded + (result.Status == SyncRunStatus.Succeeded ? 1 : 0),
            RunsPartiallyFailed = before.RunsPartiallyFailed + (result.Status == SyncRunStatus.PartiallyFailed ? 1 : 0),
            RunsFailed = before.RunsFailed + (result.Status == SyncRunStatus.Failed ? 1 : 0),
            // The latest listing wins (as for the freshness alert); a run that listed nothing keeps the last known time.
            NewestReportAt = result.NewestSourceObjectTime ?? before.NewestReportAt,
        };
        await store.WriteAsync(MetricsTotals.FileName, after, cancellationToken);
        return after;
    }
}
