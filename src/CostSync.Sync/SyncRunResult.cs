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
    string? Error);
