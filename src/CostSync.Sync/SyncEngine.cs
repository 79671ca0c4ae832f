using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CostSync.Oci.Telemetry;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using CostSync.Sync.Superseded;
using CostSync.Sync.Telemetry;
using CostSync.Sync.Transfer;
using CostSync.Sync.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync;

/// <summary>
/// Sweeps stale uploads, plans, copies in parallel (preserving the archived bytes of changed reports first), applies Mirror
/// deletions within the guards, and records everything in ledger segments written during the run.
/// </summary>
internal sealed class SyncEngine(
    RunScopeResolver scopes,
    SyncPlanner planner,
    ObjectCopier copier,
    LedgerWriterFactory ledgerWriters,
    LedgerCompactor compactor,
    SupersededCopier superseded,
    StaleUploadSweeper sweeper,
    PartBufferPool pool,
    TransferSettings settings,
    SyncMetrics metrics,
    RetryTally retryTally,
    IOptions<DestinationOptions> destinationOptions,
    TimeProvider timeProvider,
    ILogger<SyncEngine> logger) : ISyncEngine
{
    public async Task<SyncPlan> PlanAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(cancellationToken);
        return (await planner.PlanAsync(context.Destination, scope, context.RunId, cancellationToken)).Plan;
    }

    public async Task<SyncRunResult> RunAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(context, cancellationToken);
        }
        finally
        {
            // Between runs the daemon idles for hours: give the part buffers back instead of keeping the run's peak.
            pool.ReleaseIdle();
        }
    }

    private async Task<SyncRunResult> RunCoreAsync(SyncRunContext context, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var retriesBefore = retryTally.Snapshot();
        var objectRetries = new StrongBox<int>();
        var destination = context.Destination;
        var scope = await scopes.ResolveAsync(cancellationToken);
        await sweeper.SweepAsync(destination, scope.Layout.ListPrefix, cancellationToken);
        var planned = await planner.PlanAsync(destination, scope, context.RunId, cancellationToken);
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

        // A report whose key holds another writer's object cannot be archived: a failure to report, never an overwrite.
        var outcomes = new ConcurrentQueue<ObjectOutcome>(items
            .Where(i => i.Action == PlannedAction.Skip || (i.Action == PlannedAction.LeaveAlone && i.Source is not null))
            .Select(i => i.Action == PlannedAction.Skip ? new ObjectOutcome(i.Name, i.Action, true, 0, null) : new ObjectOutcome(i.Name, i.Action, false, 0, i.Reason)));
        var run = new RunLedger(ledgerWriters.Create(destination, scope.Layout, context.RunId), planned.Ledger, new RunContent(planned.Ledger));
        await using var writer = run.Writer;
        var progress = new ProgressTracker(context.Progress, copies.Count, planned.Plan.BytesToCopy, timeProvider);
        var cancelled = false;
        try
        {
            foreach (var entry in planned.Adopted)
            {
                await writer.AddAsync(entry, cancellationToken);
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentObjects, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(copies, parallel, async (item, token) =>
            {
                outcomes.Enqueue(await CopyOneAsync(context, scope, item, progress, run, () => Interlocked.Increment(ref objectRetries.Value), token));
                progress.ObjectDone();
            });

            if (refusal is null)
            {
                foreach (var item in deletions)
                {
                    outcomes.Enqueue(await DeleteOneAsync(context, item, writer, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            Log.RunCancelled(logger, context.RunId, outcomes.Count(o => o.Succeeded && o.Action != PlannedAction.Skip));
        }

        // Record what completed even when cancelled: those objects exist and must be in the ledger.
        var ledgerError = await writer.CompleteAsync(cancelled ? CancellationToken.None : cancellationToken);
        if (ledgerError is not null)
        {
            Log.LedgerWriteFailed(logger, scope.Layout.LedgerFolder, ledgerError);
        }
        else if (!cancelled && compactor.IsDue(planned.Ledger, writer.Segments.Count))
        {
            await compactor.CompactAsync(destination, scope.Layout, planned.Ledger, writer, context.RunId, cancellationToken);
        }

        metrics.LedgerRecorded(planned.Ledger, writer.Written);
        var ledgerErrorCode = ledgerError is not null && writer.LastFailure is { } failure ? ErrorCodeOf(failure) : null;
        cancellationToken.ThrowIfCancellationRequested();

        var drifts = run.Content.Drifts();
        foreach (var drift in drifts)
        {
            Log.SchemaDrift(logger, drift.Message);
        }

        var result = Summarize(context.RunId, startedAt, timeProvider.GetElapsedTime(started), planned, [.. outcomes], refusal ?? ledgerError, refusal is null ? ledgerErrorCode : null, refusal is not null) with
        {
            Warnings = [.. drifts.Select(d => d.Message)],
            SchemaDrifts = drifts,
        };
        var retries = retryTally.Snapshot().Since(retriesBefore);
        result = result with { Totals = result.Totals with { OciRetries = retries.Oci, S3Retries = retries.S3, ObjectRetries = objectRetries.Value } };
        Log.RunCompleted(logger, result.RunId, result.Status, result.Duration, result.Totals.Listed, result.Totals.Copied, result.Totals.Changed, result.Totals.Skipped, result.Totals.Failed, result.Totals.Deleted, result.Totals.Bytes);
        return result;
    }

    private async Task<ObjectOutcome> CopyOneAsync(SyncRunContext context, RunScope scope, PlannedItem item, ProgressTracker progress, RunLedger run, Action retrying, CancellationToken cancellationToken)
    {
        var source = item.Source!;
        LedgerEntry? preserved = null;
        try
        {
            preserved = await PreserveAsync(context, scope, item, run, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"The archived bytes of {item.DestinationKey} could not be preserved before the overwrite, so the changed report was not copied (the archive still holds the previous version; the next run tries again): {e.Message}";
            Log.ObjectFailed(logger, source.Name, item.DestinationKey, error);
            return new ObjectOutcome(item.Name, item.Action, false, 0, error);
        }

        try
        {
            var request = new CopyRequest(new SourceObject(scope.Namespace, scope.Bucket, source), item.DestinationKey, context.RunId, progress.AddBytes) { Retrying = retrying };
            var copied = await copier.CopyAsync(context.Destination, request, cancellationToken);
            var written = copied.Written;
            await run.Writer.AddAsync(
                new LedgerEntry(
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
                    context.RunId)
                {
                    SupersededKey = preserved?.Key,
                    SourceCrc32c = copied.SourceCrc32c,
                    Doubt = copied.Doubt,
                    Content = run.Content.Record(item, copied.Content),
                },
                cancellationToken);
            Log.ObjectVerified(logger, source.Name, copied.Verified);
            var copy = new ArchivedCopy(item.DestinationKey, source.Size, written.ETag, written.VersionId, copied.Checks)
            {
                SourceMd5 = source.Md5,
                SourceCrc32c = copied.SourceCrc32c,
            };
            LogContent(source.Name, copied.Content);
            if (copied.Doubt is { } doubt)
            {
                // Written and kept, never deleted: a failed object with a ledger mark, so the run is partial and alerts.
                Log.ObjectDoubted(logger, source.Name, item.DestinationKey, doubt);
                return new ObjectOutcome(item.Name, item.Action, false, 0, doubt) { Copy = copy, SupersededKey = preserved?.Key, Content = copied.Content };
            }

            Log.ObjectCopied(logger, source.Name, source.Size, item.DestinationKey, written.ETag);
            return new ObjectOutcome(item.Name, item.Action, true, source.Size, null) { Copy = copy, SupersededKey = preserved?.Key, Content = copied.Content };
        }
        catch (SourceGoneException e)
        {
            Log.SourceGone(logger, source.Name, e.Message);
            return new ObjectOutcome(item.Name, item.Action, true, 0, null) { SourceGone = true, SupersededKey = preserved?.Key };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Integrity.TransferFailures.IsSourceChanged(e)
                ? $"The source changed while it was being copied (If-Match failed); it will be copied by the next run. {e.Message}"
                : DestinationFailures.Describe(e, destinationOptions.Value);
            Log.ObjectFailed(logger, source.Name, item.DestinationKey, error);
            return new ObjectOutcome(item.Name, item.Action, false, 0, error) { ErrorCode = ErrorCodeOf(e), SupersededKey = preserved?.Key };
        }
    }

    private void LogContent(string name, ContentCheck? content)
    {
        if (content is { Problem: { } problem })
        {
            Log.InvalidContent(logger, name, problem);
        }
        else if (content is { Family: { } family })
        {
            Log.ContentValid(logger, name, family, content.Mode, content.Schema);
        }
    }

    /// <summary>For a changed report: keeps the archived bytes first (unless versioning does, or overwrite protection will refuse anyway).</summary>
    private async Task<LedgerEntry?> PreserveAsync(SyncRunContext context, RunScope scope, PlannedItem item, RunLedger run, CancellationToken cancellationToken)
    {
        if (item.Action != PlannedAction.CopyChanged || item.Existing is null || destinationOptions.Value.OverwriteProtection)
        {
            return null;
        }

        var preserved = await superseded.PreserveAsync(context.Destination, scope.Layout, item, run.Ledger.Find(item.DestinationKey), context.RunId, cancellationToken);
        if (preserved is not null)
        {
            await run.Writer.AddAsync(preserved, cancellationToken);
        }

        return preserved;
    }

    private async Task<ObjectOutcome> DeleteOneAsync(SyncRunContext context, PlannedItem item, LedgerWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await context.Destination.DeleteObjectAsync(item.DestinationKey, cancellationToken);
            await writer.AddAsync(new LedgerEntry(item.Name, 0, null, null, null, null, item.DestinationKey, null, null, timeProvider.GetUtcNow(), context.RunId) { Deleted = true }, cancellationToken);
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

    private static SyncRunResult Summarize(string runId, DateTimeOffset startedAt, TimeSpan duration, PlanOutcome planned, IReadOnlyList<ObjectOutcome> outcomes, string? error, string? errorCode, bool refused)
    {
        var totals = new SyncTotals(
            Listed: planned.Plan.Items.Count(i => i.Source is not null),
            Skipped: outcomes.Count(o => o.Action == PlannedAction.Skip),
            Copied: outcomes.Count(o => o.Action == PlannedAction.CopyNew && o.Succeeded && !o.SourceGone),
            Changed: outcomes.Count(o => o.Action == PlannedAction.CopyChanged && o.Succeeded && !o.SourceGone),
            Failed: outcomes.Count(o => !o.Succeeded),
            Deleted: outcomes.Count(o => o.Action == PlannedAction.Delete && o.Succeeded),
            Bytes: outcomes.Sum(o => o.Bytes))
        {
            SourceGone = outcomes.Count(o => o.SourceGone),
            Superseded = outcomes.Count(o => o.SupersededKey is not null),
            InvalidContent = outcomes.Count(o => o.HasInvalidContent),
        };
        var attempted = outcomes.Count(o => o.Action != PlannedAction.Skip);
        var status = refused || (totals.Failed > 0 && totals.Failed == attempted)
            ? SyncRunStatus.Failed
            : totals.Failed > 0 || error is not null ? SyncRunStatus.PartiallyFailed : SyncRunStatus.Succeeded;
        var firstError = error ?? outcomes.FirstOrDefault(o => !o.Succeeded)?.Error;
        return new SyncRunResult(runId, status, startedAt, duration, totals, outcomes, planned.Plan.NewestSourceObjectTime, firstError)
        {
            ErrorCode = error is null ? outcomes.FirstOrDefault(o => !o.Succeeded)?.ErrorCode : errorCode,
        };
    }

    /// <summary>One run's ledger: the state read at planning, the writer of its segments, and the content of the reports it records.</summary>
    private sealed record RunLedger(LedgerWriter Writer, LedgerState Ledger, RunContent Content);

    /// <summary>The service error code of a failure, for decisions upstream (S3 denials by code, OCI codes otherwise).</summary>
    private static string? ErrorCodeOf(Exception e) =>
        Destinations.S3.S3Denial.CodeOf(e) ?? (e as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? (e as Oci.OciServiceException)?.ErrorCode;
}
