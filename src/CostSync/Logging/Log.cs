using Microsoft.Extensions.Logging;

namespace CostSync.Logging;

/// <summary>The host's log events. Ids: 1xxx schedule and runs, 2xxx credentials, 3xxx alerts, 4xxx commands, 5xxx metrics.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "NextRunScheduled", Level = LogLevel.Information, Message = "Next run at {NextRun:u} ({Cron} in {TimeZone})")]
    public static partial void NextRunScheduled(ILogger logger, DateTimeOffset nextRun, string cron, string timeZone);

    [LoggerMessage(EventId = 1002, EventName = "CatchUpRun", Level = LogLevel.Information, Message = "Last successful run {LastSuccess:u} is older than one schedule interval: running now")]
    public static partial void CatchUpRun(ILogger logger, DateTimeOffset lastSuccess);

    [LoggerMessage(EventId = 1005, EventName = "FirstRun", Level = LogLevel.Information, Message = "No successful run recorded yet in the state directory: running now")]
    public static partial void FirstRun(ILogger logger);

    [LoggerMessage(EventId = 1003, EventName = "TickSkipped", Level = LogLevel.Warning, Message = "Skipped the scheduled run at {Tick:u}: the previous run is still in progress")]
    public static partial void TickSkipped(ILogger logger, DateTimeOffset tick);

    [LoggerMessage(EventId = 1004, EventName = "NoNextOccurrence", Level = LogLevel.Warning, Message = "The schedule {Cron} has no further occurrence; the daemon idles until stopped")]
    public static partial void NoNextOccurrence(ILogger logger, string cron);

    [LoggerMessage(EventId = 1010, EventName = "RunStarting", Level = LogLevel.Information, Message = "Run {RunId} starting: {Source} to {Destination}")]
    public static partial void RunStarting(ILogger logger, string runId, string source, string destination);

    [LoggerMessage(EventId = 1011, EventName = "RunSummary", Message = "Run {RunId} {Status}: {Listed} listed, {Copied} copied, {Changed} changed, {Skipped} unchanged, {Failed} failed, {Deleted} deleted, {SourceGone} gone from the source; {BytesText} in {DurationText}; retried {OciRetries} OCI calls, {S3Retries} S3 calls, {ObjectRetries} objects; next run {NextRun}{Warning}")]
    public static partial void RunSummary(ILogger logger, LogLevel level, string runId, string status, int listed, int copied, int changed, int skipped, int failed, int deleted, int sourceGone, string bytesText, string durationText, long ociRetries, long s3Retries, int objectRetries, string nextRun, string warning);

    [LoggerMessage(EventId = 1020, EventName = "NothingListed", Level = LogLevel.Warning, Message = "Run {RunId}: {Hint}")]
    public static partial void NothingListed(ILogger logger, string runId, string hint);

    [LoggerMessage(EventId = 1012, EventName = "RunFailed", Level = LogLevel.Error, Message = "Run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 1019, EventName = "RunExceptionDetail", Level = LogLevel.Debug, Message = "Run {RunId} failure detail")]
    public static partial void RunExceptionDetail(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 1013, EventName = "ObjectFailed", Level = LogLevel.Warning, Message = "Run {RunId}: {ObjectName} failed: {Reason}")]
    public static partial void ObjectFailed(ILogger logger, string runId, string objectName, string reason);

    [LoggerMessage(EventId = 1014, EventName = "RunCancelled", Level = LogLevel.Warning, Message = "Run {RunId} cancelled: the service is stopping (in-flight uploads are aborted)")]
    public static partial void RunCancelled(ILogger logger, string runId);

    [LoggerMessage(EventId = 1015, EventName = "RunOverlap", Level = LogLevel.Warning, Message = "A run is already in progress in this process; not starting another")]
    public static partial void RunOverlap(ILogger logger);

    [LoggerMessage(EventId = 1016, EventName = "LockHeld", Level = LogLevel.Warning, Message = "Another run holds the lock {LockFile}: {Holder}")]
    public static partial void LockHeld(ILogger logger, string lockFile, string holder);

    [LoggerMessage(EventId = 1017, EventName = "RunProgress", Level = LogLevel.Information, Message = "Run {RunId} progress: {Done}/{Total} objects, {BytesText} ({RateText}/s), ETA {Eta}")]
    public static partial void RunProgress(ILogger logger, string runId, int done, int total, string bytesText, string rateText, string eta);

    [LoggerMessage(EventId = 1018, EventName = "MoreObjectsFailed", Level = LogLevel.Warning, Message = "Run {RunId}: {More} more objects failed (see the debug log)")]
    public static partial void MoreObjectsFailed(ILogger logger, string runId, int more);

    [LoggerMessage(EventId = 2001, EventName = "CredentialsRead", Level = LogLevel.Debug, Message = "Read AWS credentials from {Source}")]
    public static partial void CredentialsRead(ILogger logger, string source);

    [LoggerMessage(EventId = 2002, EventName = "AccessDeniedRetry", Level = LogLevel.Warning, Message = "Run {RunId}: S3 denied access; the keys in Vault changed, re-running with the new keys")]
    public static partial void AccessDeniedRetry(ILogger logger, string runId);

    [LoggerMessage(EventId = 2003, EventName = "AccessDeniedSameKeys", Level = LogLevel.Warning, Message = "Run {RunId}: S3 denied access and the keys in Vault are unchanged; check the IAM policy of the key")]
    public static partial void AccessDeniedSameKeys(ILogger logger, string runId);

    [LoggerMessage(EventId = 3001, EventName = "AlertPublished", Level = LogLevel.Information, Message = "Alert sent to {TopicId}: {Title}")]
    public static partial void AlertPublished(ILogger logger, string topicId, string title);

    [LoggerMessage(EventId = 3002, EventName = "AlertPublishFailed", Level = LogLevel.Error, Message = "Could not send the alert \"{Title}\" to {TopicId}: {Reason} Fix: {Fix}")]
    public static partial void AlertPublishFailed(ILogger logger, string title, string topicId, string reason, string fix);

    [LoggerMessage(EventId = 3003, EventName = "AlertNotConfigured", Level = LogLevel.Warning, Message = "Alert not sent (CostSync:Alerts:TopicId is not set): {Title}")]
    public static partial void AlertNotConfigured(ILogger logger, string title);

    [LoggerMessage(EventId = 3004, EventName = "AlertStateFailed", Level = LogLevel.Error, Message = "Could not update the alert state: {Reason}")]
    public static partial void AlertStateFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4001, EventName = "LogFileUnavailable", Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void LogFileUnavailable(ILogger logger, string warning);

    [LoggerMessage(EventId = 4004, EventName = "ConfigurationWarning", Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 4002, EventName = "CommandFailed", Level = LogLevel.Error, Message = "{Command} failed: {Reason}")]
    public static partial void CommandFailed(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 4003, EventName = "DaemonStarting", Level = LogLevel.Information, Message = "CostSync {Version} (commit {Commit}) starting as a daemon: schedule {Cron} ({TimeZone}), state in {StateDirectory}, log file {LogFile}")]
    public static partial void DaemonStarting(ILogger logger, string version, string commit, string cron, string timeZone, string stateDirectory, string logFile);

    [LoggerMessage(EventId = 5001, EventName = "TextfileWriteFailed", Level = LogLevel.Warning, Message = "Could not write the metrics file {Path} ({Reason}); check that the service user can write its folder (`CostSync:Metrics:TextfilePath`)")]
    public static partial void TextfileWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 5002, EventName = "MetricsPostFailed", Level = LogLevel.Warning, Message = "Could not post metrics to OCI Monitoring (namespace {Namespace}): {Reason}")]
    public static partial void MetricsPostFailed(ILogger logger, string @namespace, string reason);

    [LoggerMessage(EventId = 5003, EventName = "MetricsPartlyRejected", Level = LogLevel.Warning, Message = "OCI Monitoring rejected {Count} metric(s), e.g. {MetricName}: {Reason}")]
    public static partial void MetricsPartlyRejected(ILogger logger, int count, string metricName, string reason);

    [LoggerMessage(EventId = 5004, EventName = "MetricsPosted", Level = LogLevel.Debug, Message = "Posted {Count} metrics to OCI Monitoring (namespace {Namespace})")]
    public static partial void MetricsPosted(ILogger logger, int count, string @namespace);

    [LoggerMessage(EventId = 5005, EventName = "MetricsStateFailed", Level = LogLevel.Warning, Message = "Could not update the metrics totals in the state directory: {Reason}")]
    public static partial void MetricsStateFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7101, EventName = "EvidenceArchived", Level = LogLevel.Debug, Message = "Run {RunId}: evidence written to {JsonKey} and {MarkdownKey}")]
    public static partial void EvidenceArchived(ILogger logger, string runId, string jsonKey, string markdownKey);

    [LoggerMessage(EventId = 7102, EventName = "EvidenceNotArchived", Level = LogLevel.Warning, Message = "Run {RunId}: the evidence could not be written to the archive ({Problem}); it is kept in {Folder} only")]
    public static partial void EvidenceNotArchived(ILogger logger, string runId, string problem, string folder);

    [LoggerMessage(EventId = 7103, EventName = "EvidenceNotStored", Level = LogLevel.Warning, Message = "Run {RunId}: the evidence could not be written to the state directory {Folder}: {Reason}")]
    public static partial void EvidenceNotStored(ILogger logger, string runId, string folder, string reason);

    [LoggerMessage(EventId = 7201, EventName = "VerifyProgress", Level = LogLevel.Information, Message = "Verify progress: {Done}/{Total} objects read back, {BytesText} ({RateText}/s), ETA {Eta}")]
    public static partial void VerifyProgress(ILogger logger, int done, int total, string bytesText, string rateText, string eta);
}
