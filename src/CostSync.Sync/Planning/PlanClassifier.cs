using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Ledger;

namespace CostSync.Sync.Planning;

/// <summary>
/// Decides new / unchanged / changed for one source object from the destination listing and the ledger (after adoption, so an
/// object without an entry is not CostSync's). Unchanged means the ledger's source identity and destination ETag match: no ETag
/// has to be an MD5, so SSE-KMS buckets work. No object requests.
/// </summary>
internal static class PlanClassifier
{
    public static (PlannedAction Action, string Reason) Classify(ObjectSummary source, DestinationObject? destination, LedgerEntry? entry)
    {
        if (destination is null)
        {
            return (PlannedAction.CopyNew, entry is null ? "absent at destination" : "absent at destination although the ledger lists it (removed outside CostSync)");
        }

        if (entry is not null)
        {
            if (SourceChange(source, entry) is { } change)
            {
                return (PlannedAction.CopyChanged, change);
            }

            if (destination.Size != source.Size)
            {
                return (PlannedAction.CopyChanged, $"destination size {destination.Size} differs from source {source.Size} (replaced outside CostSync)");
            }

            if (destination.ETag is not null && entry.DestinationETag is not null && !Md5Digests.SameETag(destination.ETag, entry.DestinationETag))
            {
                return (PlannedAction.CopyChanged, $"destination ETag {destination.ETag} differs from the ledger's {entry.DestinationETag} (replaced outside CostSync)");
            }

            return (PlannedAction.Skip, "unchanged: size, MD5 and etag match the ledger");
        }

        // No entry even after adoption: the object carries no CostSync metadata, so another writer put it there.
        var sourceHex = source.IsMultipartMd5 ? null : Md5Digests.Base64ToHex(source.Md5);
        if (destination.Size == source.Size && sourceHex is not null && destination.ETag is { } etag && !etag.Contains('-', StringComparison.Ordinal) && Md5Digests.SameETag(etag, sourceHex))
        {
            return (PlannedAction.Skip, "not written by CostSync, but size and MD5 match the source; left alone and not recorded in the ledger");
        }

        return (PlannedAction.LeaveAlone, $"{destination.Key} holds an object CostSync did not write (it has no costsync-* metadata) that cannot be proven equal to the source; it is left alone, so this report is not archived. Move or remove that object, or give CostSync a prefix of its own (CostSync:Destination:Prefix).");
    }

    /// <summary>How the source differs from the identity the ledger recorded for its archived copy (size, MD5, etag), or <see langword="null"/>.</summary>
    public static string? SourceChange(ObjectSummary source, LedgerEntry entry)
    {
        if (entry.Size != source.Size)
        {
            return $"size differs: source {source.Size} bytes, ledger {entry.Size}";
        }

        if (source.Md5 is not null && entry.SourceMd5 is not null && source.Md5 != entry.SourceMd5)
        {
            return $"MD5 differs: source {source.Md5}, ledger {entry.SourceMd5}";
        }

        return source.ETag is not null && entry.ETag is not null && source.ETag != entry.ETag
            ? $"etag differs: source {source.ETag}, ledger {entry.ETag}"
            : null;
    }
}
