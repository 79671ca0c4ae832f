using CostSync.Sync;

namespace CostSync.Hosting;

/// <summary>Helpers over <see cref="SyncRunResult"/>: spotting S3 access denials, merging a retry into the first attempt.</summary>
internal static class RunResults
{
    // S3's 403 answers, by code and by the messages AWS and S3-compatible servers put in them.
    private static readonly string[] DeniedMarkers =
    [
        "403", "AccessDenied", "Access Denied", "Forbidden", "InvalidAccessKeyId", "SignatureDoesNotMatch",
        "Access Key Id you provided does not exist", "signature we calculated does not match",
    ];

    /// <summary>True when the run or any object failed because S3 refused the credentials.</summary>
    public static bool WasDenied(SyncRunResult result) =>
        IsDenied(result.Error) || result.Outcomes.Any(o => !o.Succeeded && IsDenied(o.Error));

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
            a.Bytes + b.Bytes);
        return retry with { StartedAt = first.StartedAt, Duration = first.Duration + retry.Duration, Totals = totals, Outcomes = outcomes };
    }

    private static bool IsDenied(string? error) =>
        error is not null && DeniedMarkers.Any(m => error.Contains(m, StringComparison.OrdinalIgnoreCase));
}
