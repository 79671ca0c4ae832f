using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Ledger;

/// <summary>Which version of the legacy <c>ledger.jsonl</c> a snapshot carried over, so it is read again only if it changes.</summary>
internal sealed record LegacyLedgerIdentity(long Size, string? ETag, DateTimeOffset? LastModified)
{
    public static LegacyLedgerIdentity Of(DestinationObject listed) => new(listed.Size, listed.ETag, listed.LastModified);

    /// <summary>Same size and ETag; where the store lists no ETag (Directory), same size and modification time.</summary>
    public bool Matches(DestinationObject listed) =>
        Size == listed.Size
        && (ETag is null && listed.ETag is null ? LastModified == listed.LastModified : Md5Digests.SameETag(ETag, listed.ETag));
}
