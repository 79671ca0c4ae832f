namespace CostSync.Sync;

/// <summary>What a run did: per-object outcomes plus totals. Summary logs and alerts are built from it.</summary>
public sealed record SyncRunResult(
    string RunId,
    SyncRunStatus Status,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    SyncTotals Totals,
    IReadOnlyList<ObjectOutcome> Outcomes,
    DateTimeOffset? NewestSourceObjectTime,
    string? Error)
{
    /// <summary>The service's error code behind <see cref="Error"/> when it had one (e.g. S3 <c>AccessDenied</c> writing the ledger).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Run-level warnings for people (e.g. schema drift): in the evidence, never a failure on their own.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
