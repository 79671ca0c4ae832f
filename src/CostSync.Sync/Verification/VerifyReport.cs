namespace CostSync.Sync.Verification;

/// <summary>What <c>verify</c> found: the counts, every object read back, every problem (with its fix) and notes for people.</summary>
internal sealed record VerifyReport
{
    /// <summary>The destination, e.g. <c>s3://bucket</c>.</summary>
    public required string Destination { get; init; }

    /// <summary>The key prefix of the archive (<c>Destination:Prefix</c>, tenancy folder included).</summary>
    public required string Prefix { get; init; }

    /// <summary>Objects the ledger records in scope (reports and preserved superseded copies).</summary>
    public required int Recorded { get; init; }

    /// <summary>Report objects the destination listing holds in scope.</summary>
    public required int Listed { get; init; }

    /// <summary>Objects under the prefix that CostSync did not write (no <c>costsync-*</c> metadata): counted, never judged.</summary>
    public required int Foreign { get; init; }

    /// <summary>Bytes read back and hashed.</summary>
    public required long BytesRead { get; init; }

    /// <summary>The source objects listed (after the include/exclude filters), with <c>--against-source</c>.</summary>
    public int? SourceListed { get; init; }

    /// <summary>Archived reports the source no longer has (OCI keeps reports for a year): the archive is their only copy.</summary>
    public int OnlyInArchive { get; init; }

    public IReadOnlyList<VerifiedObject> ReadBack { get; init; } = [];

    public IReadOnlyList<VerifyProblem> Problems { get; init; } = [];

    /// <summary>Things worth knowing that are not problems (e.g. objects only size and ETag could vouch for).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when every check matched.</summary>
    public bool Intact => Problems.Count == 0;
}
