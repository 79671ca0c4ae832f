using System.Globalization;
using Amazon.Runtime;
using CostSync.Alerts;
using CostSync.Configuration;
using CostSync.Credentials;
using CostSync.Evidence;
using CostSync.Formatting;
using CostSync.Logging;
using CostSync.Metrics;
using CostSync.Oci.Telemetry;
using CostSync.State;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Terminal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Hosting;

/// <summary>
/// Runs one sync: one at a time per process (in-process gate) and per machine (lock file); fresh credentials,
/// run id in every log line, one summary, alerts, run history. Serves both the daemon and <c>--once</c>.
/// </summary>
internal sealed class RunCoordinator(
    ISyncEngine engine,
    IDestinationFactory destinations,
    AwsCredentialsProvider credentials,
    RunLock runLock,
    RunHistoryStore history,
    AlertService alerts,
    RunMetricsRecorder metrics,
    EvidenceRecorder evidence,
    RunProgressFactory progressDisplays,
    ScheduleClock clock,
    RetryTally retries,
    TimeProvider timeProvider,
    IOptions<CostSyncOptions> options,
    IOptions<SourceOptions> source,
    IOptions<DestinationOptions> destination,
    ILogger<RunCoordinator> logger) : IDisposable
{
    private const int LoggedFailures = 20;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _runTimeout = options.Value.RunTimeout;
    private readonly SourceOptions _source = source.Value;
    private readonly DestinationOptions _destination = destination.Value;
    private readonly string _sourceDescription = $"oci://{source.Value.Namespace}/{(string.IsNullOrWhiteSpace(source.Value.Bucket) ? "<tenancy>" : source.Value.Bucket)}";

    /// <summary>Raised after a run has finished and released the gate (history and alerts are done).</summary>
    public event Action<RunOutcome>? Completed;

    /// <summary>True while a run of this process is in progress.</summary>
    public bool IsRunning => _gate.CurrentCount == 0;

    public async Task<RunOutcome> RunOnceAsync(CancellationToken stoppingToken)
    {
        if (!await _gate.WaitAsync(TimeSpan.Zero, stoppingToken))
        {
            Log.RunOverlap(logger);
            return new RunOutcome(RunOutcomeKind.Skipped);
        }

        RunOutcome outcome;
        try
        {
            outcome = await AcquireAndRunAsync(stoppingToken);
        }
        finally
        {
            _gate.Release();
        }

        Completed?.Invoke(outcome);
        return outcome;
    }

    private async Task<RunOutcome> AcquireAndRunAsync(CancellationToken stoppingToken)
    {
        IDisposable? held;
        string? holder;
        try
        {
            held = runLock.TryAcquire(out holder);
        }
        catch (StateDirectoryException ex)
        {
            // The directory went read-only or lost its permissions after start-up: a failed run that says why, not a held lock.
            return await StateDirectoryFailedAsync(ex, stoppingToken);
        }

        using (held)
        {
            if (held is null)
            {
                Log.LockHeld(logger, RunLock.FileName, holder ?? "unknown");
                return new RunOutcome(RunOutcomeKind.LockHeld, LockHolder: holder);
            }

            return await RunLockedAsync(stoppingToken);
        }
    }

    /// <summary>Logs and alerts a run that could not start because the state directory is unusable (no history or evidence can be written).</summary>
    private async Task<RunOutcome> StateDirectoryFailedAsync(StateDirectoryException exception, CancellationToken stoppingToken)
    {
        var startedAt = clock.Now;
        var result = FailedResult(RunId.New(startedAt), startedAt, exception.Message);
        Log.RunFailed(logger, result.RunId, exception.Message);
        await alerts.OnRunCompletedAsync(result, clock.NextRun, stoppingToken);
        return new RunOutcome(RunOutcomeKind.Failed, result);
    }

    private async Task<RunOutcome> RunLockedAsync(CancellationToken stoppingToken)
    {
        var startedAt = clock.Now;
        var runId = RunId.New(startedAt);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        var retriesBefore = retries.Snapshot();
        await using var used = new RunDestination();
        SyncRunResult result;
        try
        {
            using var timeout = new CancellationTokenSource(_runTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            try
            {
                result = await ExecuteAsync(runId, used, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                result = FailedResult(runId, startedAt, $"The run exceeded `CostSync:RunTimeout` ({_runTimeout}) and was cancelled.");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.RunCancelled(logger, runId);
            return new RunOutcome(RunOutcomeKind.Cancelled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The one boundary where a run's failure is caught: logged, alerted, and the schedule continues.
            Log.RunExceptionDetail(logger, runId, ex);
            result = FailedResult(runId, startedAt, DestinationFailures.Describe(ex, _destination));
        }

        // The whole run's retries: the Vault reads and a second pass with re-read keys included.
        var retried = retries.Snapshot().Since(retriesBefore);
        result = result with { Totals = result.Totals with { OciRetries = retried.Oci, S3Retries = retried.S3 } };
        await RecordAsync(result, startedAt, used.Current, stoppingToken);
        return new RunOutcome(result.Status switch
        {
            SyncRunStatus.Succeeded => RunOutcomeKind.Succeeded,
            SyncRunStatus.PartiallyFailed => RunOutcomeKind.PartiallyFailed,
            _ => RunOutcomeKind.Failed,
        }, result);
    }

    private async Task<SyncRunResult> ExecuteAsync(string runId, RunDestination used, CancellationToken cancellationToken)
    {
        var first = await credentials.GetAsync(cancellationToken);
        var (result, denied) = await RunWithAsync(runId, first, used, cancellationToken);
        if (denied is null || !credentials.CanRotate)
        {
            return result ?? Denied(runId, denied, "with the configured credentials. Check them and the bucket policy.");
        }

        // S3 refused the keys (AccessDenied, a bad signature, an unknown key id, expired session keys): they may have been
        // rotated in Vault during the run. Re-read them once.
        var second = await credentials.GetAsync(cancellationToken);
        if (second.SameKeysAs(first))
        {
            Log.AccessDeniedSameKeys(logger, runId);
            return result ?? Denied(runId, denied, "with the keys from Vault. Check the keys and the bucket policy.");
        }

        Log.AccessDeniedRetry(logger, runId);
        var (retry, deniedAgain) = await RunWithAsync(runId, second, used, cancellationToken);
        return retry is null
            ? Denied(runId, deniedAgain, "with the old and the newly read keys from Vault. Check the keys and the bucket policy.")
            : result is null ? retry : RunResults.Merge(result, retry);
    }

    /// <summary>Runs the engine; when S3 refused the credentials, also returns its error code (e.g. <c>AccessDenied</c>, <c>ExpiredToken</c>).</summary>
    private async Task<(SyncRunResult? Result, string? DeniedCode)> RunWithAsync(string runId, RunCredentials runCredentials, RunDestination used, CancellationToken cancellationToken)
    {
        // Kept open after the run (until its evidence is written), and replaced by the one built with re-read keys.
        var destination = await used.ReplaceAsync(destinations.Create(runCredentials.Credentials));
        var target = WithPrefix(destination.Description, _destination.Prefix);
        Log.RunStarting(logger, runId, _sourceDescription, target);
        try
        {
            using var progress = progressDisplays.Create(runId);
            var result = await engine.RunAsync(new SyncRunContext(runId, destination) { Progress = progress }, cancellationToken);
            return (result, RunResults.DeniedCode(result));
        }
        catch (AmazonServiceException ex) when (S3Denial.CodeOf(ex) is { } code)
        {
            return (null, code);
        }
    }

    /// <summary>Where the run writes: the destination and, when set, <c>Destination:Prefix</c> (several prefixes may share a bucket).</summary>
    private static string WithPrefix(string destination, string? prefix) =>
        string.IsNullOrWhiteSpace(prefix) ? destination : $"{destination.TrimEnd('/')}/{prefix.Trim('/')}/";

    private SyncRunResult Denied(string runId, string? code, string advice) =>
        FailedResult(runId, clock.Now, $"S3 denied access ({code ?? "AccessDenied"}) {advice}") with { ErrorCode = code };

    private async Task RecordAsync(SyncRunResult result, DateTimeOffset startedAt, IDestination? destination, CancellationToken cancellationToken)
    {
        var nextRun = clock.NextRun;
        LogOutcome(result, nextRun);
        var previous = await history.ReadAsync(CancellationToken.None);
        var current = new RunHistory(result.RunId, startedAt, result.Status, result.Status == SyncRunStatus.Succeeded ? startedAt : previous.LastSuccessfulRunAt);
        await history.WriteAsync(current, CancellationToken.None);
        await evidence.RecordAsync(result, destination, nextRun, cancellationToken);
        await metrics.OnRunCompletedAsync(result, current, cancellationToken);
        if (!cancellationToken.IsCancellationRequested)
        {
            await alerts.OnRunCompletedAsync(result, nextRun, cancellationToken);
        }
    }

    private void LogOutcome(SyncRunResult result, DateTimeOffset? nextRun)
    {
        var failures = result.Outcomes.Where(o => !o.Succeeded).ToList();

        // An object's failure is the run's first error too: logged once, on the object's line below.
        if (result.Error is { } error && !failures.Any(f => string.Equals(f.Error, error, StringComparison.Ordinal)))
        {
            Log.RunFailed(logger, result.RunId, error);
        }

        foreach (var failure in failures.Take(LoggedFailures))
        {
            Log.ObjectFailed(logger, result.RunId, failure.Name, failure.Error ?? "unknown error");
        }

        if (failures.Count > LoggedFailures)
        {
            Log.MoreObjectsFailed(logger, result.RunId, failures.Count - LoggedFailures);
        }

        var t = result.Totals;
        var nothingListed = result.Status == SyncRunStatus.Succeeded && t.Listed == 0;
        if (nothingListed)
        {
            Log.NothingListed(logger, result.RunId, NothingListedHint.For(_source));
        }

        var status = result.Status.ToString();
        var bytes = Units.Bytes(t.Bytes);
        var duration = Units.Duration(result.Duration);
        var next = Units.Time(nextRun);
        var warning = string.Concat(
            nothingListed ? "; WARNING: no source object was listed (see the warning above)" : string.Empty,
            t.InvalidContent > 0 ? string.Create(CultureInfo.InvariantCulture, $"; WARNING: {t.InvalidContent} report(s) archived with invalid content (see the warnings above)") : string.Empty,
            result.SchemaDrifts.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; WARNING: {result.SchemaDrifts.Count} report(s) with new columns (schema drift, see above)") : string.Empty);
        var level = warning.Length > 0 ? LogLevel.Warning : LogLevel.Information;
        Log.RunSummary(logger, level, result.RunId, status, t.Listed, t.Copied, t.Changed, t.Skipped, t.Failed, t.Deleted, t.SourceGone, bytes, duration, t.OciRetries, t.S3Retries, t.ObjectRetries, next, warning);
    }

    public void Dispose() => _gate.Dispose();

    private SyncRunResult FailedResult(string runId, DateTimeOffset startedAt, string error) =>
        new(runId, SyncRunStatus.Failed, startedAt, clock.Now - startedAt, new SyncTotals(0, 0, 0, 0, 0, 0, 0), [], null, error);
}
