using CostSync.Sync;

namespace CostSync.Evidence;

/// <summary>
/// One run's evidence, as an auditor reads it: who ran what where, the counts, the failures and warnings, and every copied
/// object with the checks that vouched for it. Serialized as <c>&lt;run-id&gt;.json</c> and rendered as <c>&lt;run-id&gt;.md</c>.
/// Holds no secret: errors are the run's own messages, which never carry one.
/// </summary>
internal sealed record RunEvidence
{
    /// <summary>The document format; a reader checks it before trusting the fields.</summary>
    public const string CurrentSchema = "costsync.run-evidence/1";

    public string Schema { get; init; } = CurrentSchema;

    public required string RunId { get; init; }

    public required SyncRunStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The CostSync build that ran.</summary>
    public required EvidenceBuild CostSync { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required string Host { get; init; }

    /// <summary>The OCI principal kind and tenancy (never a key or token).</summary>
    public required EvidencePrincipal Oci { get; init; }

    /// <summary>The source, e.g. <c>oci://bling/ocid1.tenancy…</c>.</summary>
    public required string Source { get; init; }

    public required EvidenceDestination Destination { get; init; }

    public required EvidenceSchedule Schedule { get; init; }

    public required EvidenceCounts Counts { get; init; }

    /// <summary>Bytes copied and verified.</summary>
    public required long Bytes { get; init; }

    /// <summary>Why the run failed as a whole (listing, ledger, credentials), when it did.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<EvidenceFailure> Failures { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every object this run wrote to the archive, in name order.</summary>
    public IReadOnlyList<EvidenceObject> Objects { get; init; } = [];
}
