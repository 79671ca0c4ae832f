using CostSync.Sync;
using CostSync.Sync.Destinations.S3;

namespace CostSync.Hosting;

/// <summary>Helpers over <see cref="SyncRunResult"/>: spotting S3 access denials, merging a retry into the first attempt.</summary>
internal static class RunResults
{
    /// <summary>The S3 error code when the run or any object failed because S3 refused the credentials (judged by code only), else <see langword="null"/>.</summary>
    public static string? DeniedCode(SyncRunResult result) =>
        S3Denial.IsDenial(result.ErrorCode)
            ? result.ErrorCode
            : result.Outcomes.FirstOrDefault(o => !o.Succeeded && S3Denial.IsDenial(o.ErrorCode))?.ErrorCode;

    /// <summary>The retry's view, plus what the first attempt already copied.</summary>
    public static SyncRunResult Merge(SyncRunResult first, SyncRunResult retry)
    {
        var copiedFirst = first.Outcomes.Where(o => o.Succeeded && o.Action != PlannedAction.Skip).ToList();
        var copiedNames = copiedFirst.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var outcomes = copiedFirst.Concat(retry.Outcomes.Where(o => !copiedNames.Contains(o.Name))).ToList();
        var a = first.Totals;
        var b = retry.Totals;
        var totals = new SyncTotals(
            b.Listed,
            Math.Max(0, b.Skipped - a.Copied - a.Changed),
            a.Copied + b.Copied,
            a.Changed + b.Changed,
            b.Failed,
            a.Deleted + b.Deleted,
            a.Bytes + b.Bytes)
        {
            // What the first attempt archived is not copied again, so its preserved copies, gone sources and invalid reports still count.
            SourceGone = copiedFirst.Count(o => o.SourceGone) + b.SourceGone,
            Superseded = outcomes.Count(o => o.SupersededKey is not null),
            InvalidContent = a.InvalidContent + b.InvalidContent,
            OciRetries = a.OciRetries + b.OciRetries,
            S3Retries = a.S3Retries + b.S3Retries,
            ObjectRetries = a.ObjectRetries + b.ObjectRetries,
        };
        return retry with
        {
            StartedAt = first.StartedAt,
            Duration = first.Duration + retry.Duration,
            Totals = totals,
            Outcomes = outcomes,
            Warnings = [.. first.Warnings.Concat(retry.Warnings).Distinct(StringComparer.Ordinal)],
            SchemaDrifts = [.. first.SchemaDrifts, .. retry.SchemaDrifts],
        };
    }
}
