using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Logging;

/// <summary>The sync engine's log events (ids 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "PlanDecision", Level = LogLevel.Debug, Message = "{ObjectName}: {Action} ({Reason})")]
    public static partial void PlanDecision(ILogger logger, string objectName, PlannedAction action, string reason);

    [LoggerMessage(EventId = 3002, EventName = "PlanSummary", Level = LogLevel.Information, Message = "Run {RunId} to {Destination}: {Listed} source objects, {ToCopy} to copy ({Bytes} bytes), {Unchanged} unchanged, {ToDelete} to delete")]
    public static partial void PlanSummary(ILogger logger, string runId, string destination, int listed, int toCopy, long bytes, int unchanged, int toDelete);

    [LoggerMessage(EventId = 3003, EventName = "ObjectCopied", Level = LogLevel.Information, Message = "Copied {ObjectName} ({Bytes} bytes) to {Key}, ETag {ETag}")]
    public static partial void ObjectCopied(ILogger logger, string objectName, long bytes, string key, string? etag);

    // Debug: the run's end logs each failed object once (RunCoordinator), with the same reason.
    [LoggerMessage(EventId = 3004, EventName = "ObjectFailed", Level = LogLevel.Debug, Message = "Could not copy {ObjectName} to {Key}: {Error}")]
    public static partial void ObjectFailed(ILogger logger, string objectName, string key, string error);

    [LoggerMessage(EventId = 3005, EventName = "CopyAttemptFailed", Level = LogLevel.Warning, Message = "Attempt {Attempt} of {MaxAttempts} to copy {ObjectName} failed, retrying in {Delay}: {Error}")]
    public static partial void CopyAttemptFailed(ILogger logger, string objectName, int attempt, int maxAttempts, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3006, EventName = "StaleUploadAborted", Level = LogLevel.Information, Message = "Aborted an incomplete upload of {Key} started {Initiated:O} (older than {MaxAge})")]
    public static partial void StaleUploadAborted(ILogger logger, string key, DateTimeOffset? initiated, TimeSpan maxAge);

    [LoggerMessage(EventId = 3007, EventName = "StaleUploadSweepFailed", Level = LogLevel.Warning, Message = "Could not sweep incomplete uploads under '{Prefix}'; the run continues: {Error}")]
    public static partial void StaleUploadSweepFailed(ILogger logger, string prefix, string error);

    [LoggerMessage(EventId = 3009, EventName = "LedgerLineUnreadable", Level = LogLevel.Warning, Message = "Line {LineNumber} of the ledger {LedgerKey} is not a ledger entry; ignored")]
    public static partial void LedgerLineUnreadable(ILogger logger, string ledgerKey, int lineNumber);

    [LoggerMessage(EventId = 3011, EventName = "LedgerWriteFailed", Level = LogLevel.Error, Message = "Could not write the ledger under {LedgerKey}; the copies are done and the next run adopts them from their metadata: {Error}")]
    public static partial void LedgerWriteFailed(ILogger logger, string ledgerKey, string error);

    [LoggerMessage(EventId = 3012, EventName = "MirrorRefused", Level = LogLevel.Error, Message = "{Reason}")]
    public static partial void MirrorRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3013, EventName = "ObjectDeleted", Level = LogLevel.Information, Message = "Deleted {Key} (Mirror mode: source is gone)")]
    public static partial void ObjectDeleted(ILogger logger, string key);

    [LoggerMessage(EventId = 3014, EventName = "DeleteFailed", Level = LogLevel.Warning, Message = "Could not delete {Key}: {Error}")]
    public static partial void DeleteFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3015, EventName = "RunCompleted", Level = LogLevel.Debug, Message = "Run {RunId} {Status} in {Duration}: {Listed} listed, {Copied} copied, {Changed} changed, {Skipped} unchanged, {Failed} failed, {Deleted} deleted, {Bytes} bytes")]
    public static partial void RunCompleted(ILogger logger, string runId, SyncRunStatus status, TimeSpan duration, int listed, int copied, int changed, int skipped, int failed, int deleted, long bytes);

    [LoggerMessage(EventId = 3017, EventName = "ObjectVerified", Level = LogLevel.Debug, Message = "{ObjectName} verified: {Verified}")]
    public static partial void ObjectVerified(ILogger logger, string objectName, string verified);

    [LoggerMessage(EventId = 3018, EventName = "ObjectDoubted", Level = LogLevel.Error, Message = "Copied {ObjectName} to {Key}, but: {Doubt}")]
    public static partial void ObjectDoubted(ILogger logger, string objectName, string key, string doubt);

    [LoggerMessage(EventId = 3019, EventName = "SourceGone", Level = LogLevel.Information, Message = "{ObjectName} is gone from the source since the listing; not copied: {Reason}")]
    public static partial void SourceGone(ILogger logger, string objectName, string reason);

    [LoggerMessage(EventId = 3016, EventName = "RunCancelled", Level = LogLevel.Warning, Message = "Run {RunId} was cancelled after {Completed} objects; in-flight uploads were aborted and the ledger records what completed")]
    public static partial void RunCancelled(ILogger logger, string runId, int completed);

    [LoggerMessage(EventId = 3100, EventName = "LedgerRead", Level = LogLevel.Debug, Message = "Read the ledger under {LedgerFolder}: {Snapshots} snapshot, {Segments} segments outside it, legacy ledger.jsonl read: {LegacyRead}; {Keys} keys")]
    public static partial void LedgerRead(ILogger logger, string ledgerFolder, int snapshots, int segments, bool legacyRead, int keys);

    [LoggerMessage(EventId = 3101, EventName = "LedgerSnapshotUnreadable", Level = LogLevel.Warning, Message = "The ledger snapshot {Key} has no readable header; using an older snapshot and the segments instead")]
    public static partial void LedgerSnapshotUnreadable(ILogger logger, string key);

    [LoggerMessage(EventId = 3102, EventName = "LedgerObjectVanished", Level = LogLevel.Warning, Message = "The ledger object {Key} was listed but could not be read (deleted outside CostSync?); its entries are missing from this run's view")]
    public static partial void LedgerObjectVanished(ILogger logger, string key);

    [LoggerMessage(EventId = 3103, EventName = "LedgerSegmentWritten", Level = LogLevel.Debug, Message = "Wrote ledger segment {Key} with {Count} entries")]
    public static partial void LedgerSegmentWritten(ILogger logger, string key, int count);

    [LoggerMessage(EventId = 3104, EventName = "LedgerSegmentFailed", Level = LogLevel.Warning, Message = "Could not write ledger segment {Key} ({Count} entries); they stay queued for the next write: {Error}")]
    public static partial void LedgerSegmentFailed(ILogger logger, string key, int count, string error);

    [LoggerMessage(EventId = 3105, EventName = "LedgerCompacted", Level = LogLevel.Information, Message = "Wrote ledger snapshot {Key}: {Keys} keys, covering {Segments} segments (none deleted)")]
    public static partial void LedgerCompacted(ILogger logger, string key, int keys, int segments);

    [LoggerMessage(EventId = 3106, EventName = "LedgerCompactionFailed", Level = LogLevel.Warning, Message = "Could not write ledger snapshot {Key}; the segments stay complete and the next run tries again: {Error}")]
    public static partial void LedgerCompactionFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3107, EventName = "ObjectAdopted", Level = LogLevel.Information, Message = "Adopted {Key} into the ledger from its CostSync metadata (written by run {CopiedByRunId} but not recorded then)")]
    public static partial void ObjectAdopted(ILogger logger, string key, string copiedByRunId);

    [LoggerMessage(EventId = 3108, EventName = "ForeignObjectFound", Level = LogLevel.Debug, Message = "{Key} was not written by CostSync (no costsync-* metadata): not ours, left alone")]
    public static partial void ForeignObjectFound(ILogger logger, string key);

    [LoggerMessage(EventId = 3109, EventName = "AdoptionSummary", Level = LogLevel.Information, Message = "Under '{Prefix}': {Adopted} objects adopted into the ledger from their CostSync metadata; {Foreign} objects not written by CostSync, left alone")]
    public static partial void AdoptionSummary(ILogger logger, string prefix, int adopted, int foreign);

    [LoggerMessage(EventId = 3110, EventName = "SupersededPreserved", Level = LogLevel.Information, Message = "Preserved the archived bytes of {Key} at {SupersededKey} before overwriting it with the changed report")]
    public static partial void SupersededPreserved(ILogger logger, string key, string supersededKey);

    [LoggerMessage(EventId = 3111, EventName = "SupersededKeptAsVersion", Level = LogLevel.Debug, Message = "{Destination} keeps overwritten versions (bucket versioning enabled): {Key} is overwritten without a copy")]
    public static partial void SupersededKeptAsVersion(ILogger logger, string destination, string key);

    [LoggerMessage(EventId = 3113, EventName = "S3Throttled", Level = LogLevel.Warning, Message = "S3 answered {Status} (slow down): at most {Limit} S3 requests at a time from now on, was {Previous}; the limit grows back by one after as many successes")]
    public static partial void S3Throttled(ILogger logger, int status, int limit, int previous);

    [LoggerMessage(EventId = 3114, EventName = "S3AttemptFailed", Level = LogLevel.Warning, Message = "S3 {Method} {Path} failed ({Outcome}); the AWS SDK retries it up to CostSync:Destination:MaxRetryAttempts times")]
    public static partial void S3AttemptFailed(ILogger logger, string method, string path, string outcome);

    [LoggerMessage(EventId = 3112, EventName = "VersioningUnknown", Level = LogLevel.Information, Message = "Could not read the versioning state of {Destination}, so replaced reports are preserved by copy: {Error}")]
    public static partial void VersioningUnknown(ILogger logger, string destination, string error);

    [LoggerMessage(EventId = 3300, EventName = "InvalidContent", Level = LogLevel.Warning, Message = "Archived {ObjectName} byte for byte as OCI published it, but its content is not a valid report: {Problem}")]
    public static partial void InvalidContent(ILogger logger, string objectName, string problem);

    [LoggerMessage(EventId = 3301, EventName = "SchemaDrift", Level = LogLevel.Warning, Message = "{Drift}")]
    public static partial void SchemaDrift(ILogger logger, string drift);

    [LoggerMessage(EventId = 3302, EventName = "ContentValid", Level = LogLevel.Debug, Message = "{ObjectName}: a valid {Family} report ({Mode} check, schema {Schema})")]
    public static partial void ContentValid(ILogger logger, string objectName, Validation.ReportFamily family, Configuration.ValidationMode mode, string? schema);
}
