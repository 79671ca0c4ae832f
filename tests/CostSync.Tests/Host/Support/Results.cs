using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Validation;

namespace CostSync.Tests.Host.Support;

/// <summary>Builds <see cref="SyncRunResult"/> values for alert and coordinator tests.</summary>
internal static class Results
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    public static SyncRunResult Succeeded(DateTimeOffset? newest = null, int copied = 2) =>
        new("run-ok", SyncRunStatus.Succeeded, Start, TimeSpan.FromMinutes(1), new SyncTotals(10, 10 - copied, copied, 0, 0, 0, copied * 1000L),
            [.. Enumerable.Range(0, copied).Select(i => new ObjectOutcome($"reports/ok-{i}.csv.gz", PlannedAction.CopyNew, true, 1000, null))],
            newest ?? Start, null);

    public static SyncRunResult PartiallyFailed(int failed = 3, int listed = 412, DateTimeOffset? newest = null) =>
        new("run-partial", SyncRunStatus.PartiallyFailed, Start, TimeSpan.FromMinutes(2), new SyncTotals(listed, listed - failed - 1, 1, 0, failed, 0, 1000),
            [.. Enumerable.Range(0, failed).Select(i => new ObjectOutcome($"FOCUS Reports/2026/11/24/f{i}.csv.gz", PlannedAction.CopyNew, false, 0, $"read timed out ({i})"))],
            newest ?? Start, null);

    /// <summary>A successful run that archived one report with invalid content and one with new columns.</summary>
    public static SyncRunResult WithContentFindings()
    {
        var ok = Succeeded(copied: 2);
        var invalid = ok.Outcomes[0] with { Content = new ContentCheck(ValidationMode.Header, null, "not a gzip stream: it looks like uncompressed text") };
        var drift = new SchemaDrift(ReportFamily.Focus, "reports/ok-1.csv.gz", "reports/old.csv.gz", "aaaa", "bbbb", ["oci_New"], [], "Schema drift in FOCUS reports: reports/ok-1.csv.gz has 1 new column ('oci_New'), compared with the previous report reports/old.csv.gz; loaders that read these reports by column name or position may need a change.");
        return ok with
        {
            Totals = ok.Totals with { InvalidContent = 1 },
            Outcomes = [invalid, ok.Outcomes[1]],
            SchemaDrifts = [drift],
            Warnings = [drift.Message],
        };
    }

    public static SyncRunResult NothingListed() =>
        new("run-empty", SyncRunStatus.Succeeded, Start, TimeSpan.FromSeconds(2), new SyncTotals(0, 0, 0, 0, 0, 0, 0), [], null, null);

    public static SyncRunResult Failed(string error = "The source could not be listed: 404 BucketNotFound") =>
        new("run-failed", SyncRunStatus.Failed, Start, TimeSpan.FromSeconds(3), new SyncTotals(0, 0, 0, 0, 0, 0, 0), [], null, error);
}
