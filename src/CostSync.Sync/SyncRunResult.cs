using CostSync.Sync.Validation;

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

    /// <summary>Things worth a reader's attention that did not fail the run, one sentence each (e.g. schema drift).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Reports whose columns differ from the previous report of their family (each also one of <see cref="Warnings"/>).</summary>
    public IReadOnlyList<SchemaDrift> SchemaDrifts { get; init; } = [];
}
