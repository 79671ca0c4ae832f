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

    [LoggerMessage(EventId = 3004, EventName = "ObjectFailed", Level = LogLevel.Warning, Message = "Could not copy {ObjectName} to {Key}: {Error}")]
    public static partial void ObjectFailed(ILogger logger, string objectName, string key, string error);

    [LoggerMessage(EventId = 3005, EventName = "CopyAttemptFailed", Level = LogLevel.Warning, Message = "Attempt {Attempt} of {MaxAttempts} to copy {ObjectName} failed, retrying in {Delay}: {Error}")]
    public static partial void CopyAttemptFailed(ILogger logger, string objectName, int attempt, int maxAttempts, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3006, EventName = "StaleUploadAborted", Level = LogLevel.Information, Message = "Aborted an incomplete upload of {Key} started {Initiated:O} (older than {MaxAge})")]
    public static partial void StaleUploadAborted(ILogger logger, string key, DateTimeOffset? initiated, TimeSpan maxAge);

    [LoggerMessage(EventId = 3007, EventName = "StaleUploadSweepFailed", Level = LogLevel.Warning, Message = "Could not sweep incomplete uploads under '{Prefix}'; the run continues: {Error}")]
    public static partial void StaleUploadSweepFailed(ILogger logger, string prefix, string error);

    [LoggerMessage(EventId = 3008, EventName = "LedgerMissing", Level = LogLevel.Warning, Message = "The ledger {LedgerKey} is missing but {Count} objects exist; rebuilding it from their metadata (one HEAD each)")]
    public static partial void LedgerMissing(ILogger logger, string ledgerKey, int count);

    [LoggerMessage(EventId = 3009, EventName = "LedgerLineUnreadable", Level = LogLevel.Warning, Message = "Line {LineNumber} of the ledger {LedgerKey} is not a ledger entry; ignored")]
    public static partial void LedgerLineUnreadable(ILogger logger, string ledgerKey, int lineNumber);

    [LoggerMessage(EventId = 3010, EventName = "LedgerWritten", Level = LogLevel.Debug, Message = "Wrote {Count} new entries to the ledger {LedgerKey}")]
    public static partial void LedgerWritten(ILogger logger, string ledgerKey, int count);

    [LoggerMessage(EventId = 3011, EventName = "LedgerWriteFailed", Level = LogLevel.Error, Message = "Could not write the ledger {LedgerKey}; the copies are done and will be recognised next run by size and MD5: {Error}")]
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
}
