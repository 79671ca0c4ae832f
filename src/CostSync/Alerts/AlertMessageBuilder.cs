using System.Globalization;
using System.Text;
using CostSync.Formatting;
using CostSync.Hosting;
using CostSync.Logging;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Alerts;

/// <summary>Builds the ONS messages. Bodies stay well under the 64 KB limit and never hold secrets.</summary>
internal sealed class AlertMessageBuilder(LogFileLocation logFile, IOptions<SourceOptions> source)
{
    public const int MaxErrors = 20;
    private const int MaxBodyChars = 60_000;
    private const int MaxErrorChars = 500;

    private static string Host => Environment.MachineName;

    public AlertMessage Failure(SyncRunResult result, AlertState state, DateTimeOffset? nextRun)
    {
        var status = result.Status == SyncRunStatus.PartiallyFailed ? "PARTIALLY FAILED" : "FAILED";
        var what = result.Totals.Listed > 0 || result.Totals.Failed > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{result.Totals.Failed} of {result.Totals.Listed} objects")
            : "the run could not complete";
        var title = $"CostSync {status} on {Host}: {what}";
        var body = new StringBuilder();
        AppendRun(body, result);
        body.AppendLine(CultureInfo.InvariantCulture, $"Failing since: {Units.Time(state.FailureSince)} ({state.FailedRuns} run(s) in a row)");
        if (result.Error is { } error)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Run error: {Clip(error)}");
        }

        var failures = result.Outcomes.Where(o => !o.Succeeded).ToList();
        if (failures.Count > 0)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Errors (first {Math.Min(MaxErrors, failures.Count)} of {failures.Count}):");
            foreach (var failure in failures.Take(MaxErrors))
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {failure.Name}: {Clip(failure.Error ?? "unknown error")}");
            }
        }

        AppendFooter(body, nextRun);
        return new AlertMessage(title, Limit(body));
    }

    public AlertMessage Recovery(SyncRunResult result, AlertState before, DateTimeOffset? nextRun)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"CostSync on {Host} succeeded again after {before.FailedRuns} failed run(s) since {Units.Time(before.FailureSince)}.").AppendLine();
        AppendRun(body, result);
        AppendFooter(body, nextRun);
        return new AlertMessage($"CostSync recovered on {Host}", Limit(body));
    }

    public AlertMessage Stale(SyncRunResult result, TimeSpan staleAfter, DateTimeOffset now, DateTimeOffset? nextRun)
    {
        var newest = result.NewestSourceObjectTime ?? now;
        var age = now - newest;
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"The newest cost report in the source was created {Units.Time(newest)}, {Units.Duration(age)} ago (limit `CostSync:Alerts:StaleAfter` = {staleAfter}).");
        body.AppendLine(result.Status == SyncRunStatus.Succeeded
            ? "Runs still succeed, so OCI has stopped publishing reports or the reports are no longer visible to CostSync."
            : $"The last run {(result.Status == SyncRunStatus.PartiallyFailed ? "partially failed" : "failed")} (see the failure alert), and the newest report it listed is this old: OCI may have stopped publishing reports, or they are no longer visible to CostSync.");
        body.AppendLine("Check: the tenancy's cost reports in the OCI Console, and the `define tenancy usage-report … / endorse … to read objects in tenancy usage-report` policy.").AppendLine();
        AppendRun(body, result);
        AppendFooter(body, nextRun);
        return new AlertMessage(string.Create(CultureInfo.InvariantCulture, $"CostSync on {Host}: newest cost report is {age.TotalDays:0.0} days old"), Limit(body));
    }

    public AlertMessage NothingListed(SyncRunResult result, DateTimeOffset? nextRun)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"The run succeeded but copied nothing because it listed nothing: {NothingListedHint.For(source.Value)}");
        body.AppendLine("Until this changes, CostSync cannot archive new reports and cannot tell whether OCI still publishes them.").AppendLine();
        AppendRun(body, result);
        AppendFooter(body, nextRun);
        return new AlertMessage($"CostSync on {Host}: no cost reports listed", Limit(body));
    }

    public AlertMessage Content(SyncRunResult result, DateTimeOffset? nextRun)
    {
        var invalid = result.Outcomes.Where(o => o.HasInvalidContent).ToList();
        var what = new List<string>();
        if (invalid.Count > 0)
        {
            what.Add(string.Create(CultureInfo.InvariantCulture, $"{invalid.Count} report(s) with invalid content"));
        }

        if (result.SchemaDrifts.Count > 0)
        {
            what.Add(string.Create(CultureInfo.InvariantCulture, $"{result.SchemaDrifts.Count} report(s) with new columns"));
        }

        var body = new StringBuilder();
        body.AppendLine("CostSync archived these reports byte for byte, exactly as OCI published them (the archive is the record), and verified them against OCI's checksums. What they contain needs a look: whoever loads them (finance, FinOps tools) may fail or misread them.");
        if (invalid.Count > 0)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Invalid content (first {Math.Min(MaxErrors, invalid.Count)} of {invalid.Count}): not a complete gzip stream, or no FOCUS / OCI cost report header. Check the report in the OCI Console (Billing, Cost and Usage Reports); if OCI's copy is the same, raise it with Oracle Support.");
            foreach (var report in invalid.Take(MaxErrors))
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {report.Name}: {Clip(report.Content!.Problem!)}");
            }
        }

        if (result.SchemaDrifts.Count > 0)
        {
            body.AppendLine().AppendLine("Schema drift (reported once, by the run that archives the first report with the new columns):");
            foreach (var drift in result.SchemaDrifts.Take(MaxErrors))
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {Clip(drift.Message)}");
            }
        }

        body.AppendLine();
        AppendRun(body, result);
        AppendFooter(body, nextRun);
        return new AlertMessage($"CostSync on {Host}: {string.Join(", ", what)}", Limit(body));
    }

    public AlertMessage Test(DateTimeOffset now) =>
        new($"CostSync test alert from {Host}", $"This is a test message sent by `costsync test-alert` on {Host} at {Units.Time(now)}. Alerts reach you.{Environment.NewLine}Log file: {logFile.FilePattern ?? "console only"}");

    private static void AppendRun(StringBuilder body, SyncRunResult result)
    {
        var t = result.Totals;
        body.AppendLine(CultureInfo.InvariantCulture, $"Run: {result.RunId} on {Host}, status {result.Status}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Objects: {t.Listed} listed, {t.Copied} copied, {t.Changed} changed, {t.Skipped} unchanged, {t.Failed} failed, {t.Deleted} deleted, {t.SourceGone} gone from the source, {t.InvalidContent} with invalid content");
        body.AppendLine(CultureInfo.InvariantCulture, $"Bytes copied: {Units.Bytes(t.Bytes)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Started: {Units.Time(result.StartedAt)}, duration {Units.Duration(result.Duration)}");
    }

    private void AppendFooter(StringBuilder body, DateTimeOffset? nextRun)
    {
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Log file: {logFile.FilePattern ?? "console only (journalctl -u costsync)"}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Next run: {Units.Time(nextRun)}");
    }

    private static string Clip(string text) => text.Length <= MaxErrorChars ? text : string.Concat(text.AsSpan(0, MaxErrorChars), "…");

    private static string Limit(StringBuilder body) =>
        body.Length <= MaxBodyChars ? body.ToString() : string.Concat(body.ToString(0, MaxBodyChars), Environment.NewLine, "[truncated]");
}
