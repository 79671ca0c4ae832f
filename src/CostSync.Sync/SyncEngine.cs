using System.Collections.Concurrent;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync;

/// <summary>Sweeps stale uploads, plans, copies in parallel, applies Mirror deletions within the guards, and records the ledger.</summary>
internal sealed class SyncEngine(
    RunScopeResolver scopes,
    SyncPlanner planner,
    ObjectCopier copier,
    LedgerStore ledger,
    StaleUploadSweeper sweeper,
    TransferSettings settings,
    IOptions<DestinationOptions> destinationOptions,
    TimeProvider timeProvider,
    ILogger<SyncEngine> logger) : ISyncEngine
{
    public async Task<SyncPlan> PlanAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(cancellationToken);
        return (await planner.PlanAsync(context.Destination, scope, cancellationToken)).Plan;
    }

    public async Task<SyncRunResult> RunAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var destination = context.Destination;
        var scope = await scopes.ResolveAsync(cancellationToken);
        await sweeper.SweepAsync(destination, scope.Layout.ListPrefix, cancellationToken);
        var planned = await planner.PlanAsync(destination, scope, cancellationToken);
        var items = planned.Plan.Items;
        var copies = items.Where(i => i.Action is PlannedAction.CopyNew or PlannedAction.CopyChanged).ToList();
        var deletions = items.Where(i => i.Action == PlannedAction.Delete).ToList();
        var unchanged = items.Count(i => i.Action == PlannedAction.Skip);
        Log.PlanSummary(logger, context.RunId, destination.Description, planned.SourceListed, copies.Count, planned.Plan.BytesToCopy, unchanged, deletions.Count);

        var refusal = MirrorGuard.Refusal(planned.SourceListed, planned.DestinationObjects, deletions.Count, destinationOptions.Value.MirrorMaxDeleteShare);
        if (refusal is not null)
        {
            Log.MirrorRefused(logger, refusal);
        }

        var outcomes = new ConcurrentQueue<ObjectOutcome>(items.Where(i => i.Action == PlannedAction.Skip).Select(i => new ObjectOutcome(i.Name, i.Action, true, 0, null)));
        var added = new ConcurrentQueue<LedgerEntry>();
        var progress = new ProgressTracker(context.Progress, copies.Count, planned.Plan.BytesToCopy, timeProvider);
        var cancelled = false;
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentObjects, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(copies, parallel, async (item, token) =>
            {
                outcomes.Enqueue(await CopyOneAsync(context, scope, item, progress, added, token));
                progress.ObjectDone();
            });

            if (refusal is null)
            {
                foreach (var item in deletions)
                {
                    outcomes.Enqueue(await DeleteOneAsync(context, item, added, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            Log.RunCancelled(logger, context.RunId, added.Count);
        }

        // Record what completed even when cancelled: those objects exist and must not be copied again.
        var ledgerError = await WriteLedgerAsync(destination, scope, planned.Ledger, added, cancelled ? CancellationToken.None : cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var result = Summarize(context.RunId, startedAt, timeProvider.GetElapsedTime(started), planned, [.. outcomes], refusal ?? ledgerError, refusal is not null);
        Log.RunCompleted(logger, result.RunId, result.Status, result.Duration, result.Totals.Listed, result.Totals.Copied, result.Totals.Changed, result.Totals.Skipped, result.Totals.Failed, result.Totals.Deleted, result.Totals.Bytes);
        return result;
    }

    private async Task<ObjectOutcome> CopyOneAsync(SyncRunContext context, RunScope scope, PlannedItem item, ProgressTracker progress, ConcurrentQueue<LedgerEntry> added, CancellationToken cancellationToken)
    {
        var source = item.Source!;
        try
        {
            var request = new CopyRequest(new SourceObject(scope.Namespace, scope.Bucket, source), item.DestinationKey, context.RunId, progress.AddBytes);
            var written = await copier.CopyAsync(context.Destination, request, cancellationToken);
            added.Enqueue(new LedgerEntry(
                source.Name,
                source.Size,
                source.IsMultipartMd5 ? null : source.Md5,
                source.IsMultipartMd5 ? source.Md5 : null,
                source.ETag,
                source.TimeCreated,
                item.DestinationKey,
                written.ETag,
                written.VersionId,
                timeProvider.GetUtcNow(),
                context.RunId));
            Log.ObjectCopied(logger, source.Name, source.Size, item.DestinationKey, written.ETag);
            return new ObjectOutcome(item.Name, item.Action, true, source.Size, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Integrity.TransferFailures.IsSourceChanged(e)
                ? $"The source changed while it was being copied (If-Match failed); it will be copied by the next run. {e.Message}"
                : DestinationFailures.Describe(e, destinationOptions.Value);
            Log.ObjectFailed(logger, source.Name, item.DestinationKey, error);
            return new ObjectOutcome(item.Name, item.Action, false, 0, error);
        }
    }

    private async Task<ObjectOutcome> DeleteOneAsync(SyncRunContext context, PlannedItem item, ConcurrentQueue<LedgerEntry> added, CancellationToken cancellationToken)
    {
        try
        {
            await context.Destination.DeleteObjectAsync(item.DestinationKey, cancellationToken);
            added.Enqueue(new LedgerEntry(item.Name, 0, null, null, null, null, item.DestinationKey, null, null, timeProvider.GetUtcNow(), context.RunId) { Deleted = true });
            Log.ObjectDeleted(logger, item.DestinationKey);
            return new ObjectOutcome(item.Name, item.Action, true, 0, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = DestinationFailures.Describe(e, destinationOptions.Value);
            Log.DeleteFailed(logger, item.DestinationKey, error);
            return new ObjectOutcome(item.Name, item.Action, false, 0, error);
        }
    }

    private async Task<string?> WriteLedgerAsync(IDestination destination, RunScope scope, LedgerSnapshot snapshot, ConcurrentQueue<LedgerEntry> added, CancellationToken cancellationToken)
    {
        if (added.IsEmpty && snapshot.Rebuilt.Count == 0)
        {
            return null;
        }

        try
        {
            await ledger.WriteAsync(destination, scope.Layout, snapshot, [.. added], cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = DestinationFailures.Describe(e, destinationOptions.Value);
            Log.LedgerWriteFailed(logger, scope.Layout.LedgerKey, error);
            return $"The ledger {scope.Layout.LedgerKey} could not be written: {error}";
        }
    }

    private static SyncRunResult Summarize(string runId, DateTimeOffset startedAt, TimeSpan duration, PlanOutcome planned, IReadOnlyList<ObjectOutcome> outcomes, string? error, bool refused)
    {
        var totals = new SyncTotals(
            Listed: planned.Plan.Items.Count(i => i.Action != PlannedAction.Delete),
            Skipped: outcomes.Count(o => o.Action == PlannedAction.Skip),
            Copied: outcomes.Count(o => o.Action == PlannedAction.CopyNew && o.Succeeded),
            Changed: outcomes.Count(o => o.Action == PlannedAction.CopyChanged && o.Succeeded),
            Failed: outcomes.Count(o => !o.Succeeded),
            Deleted: outcomes.Count(o => o.Action == PlannedAction.Delete && o.Succeeded),
            Bytes: outcomes.Sum(o => o.Bytes));
        var attempted = outcomes.Count(o => o.Action != PlannedAction.Skip);
        var status = refused || (totals.Failed > 0 && totals.Failed == attempted)
            ? SyncRunStatus.Failed
            : totals.Failed > 0 || error is not null ? SyncRunStatus.PartiallyFailed : SyncRunStatus.Succeeded;
        var firstError = error ?? outcomes.FirstOrDefault(o => !o.Succeeded)?.Error;
        return new SyncRunResult(runId, status, startedAt, duration, totals, outcomes, planned.Plan.NewestSourceObjectTime, firstError);
    }
}
