namespace CostSync.Sync.Verification;

/// <summary>What is wrong with one object.</summary>
internal enum VerifyProblemKind
{
    /// <summary>The ledger records it; the archive does not hold it.</summary>
    Missing,

    /// <summary>The archive holds other bytes (size, ETag, MD5 or CRC-32C) than the ledger recorded.</summary>
    Changed,

    /// <summary>CostSync wrote it (its metadata says so) but the ledger does not record it.</summary>
    Unrecorded,

    /// <summary>Listed, but reading it back failed (permissions, an archive storage class, the network).</summary>
    Unreadable,

    /// <summary>The source has a report the archive does not (<c>--against-source</c>).</summary>
    NotArchived,

    /// <summary>The source's report differs from the archived one (<c>--against-source</c>).</summary>
    ChangedAtSource,
}
