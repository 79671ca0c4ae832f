using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Ledger;

namespace CostSync.Sync.Planning;

/// <summary>Decides new / unchanged / changed for one source object from the destination listing and the ledger alone (no object requests).</summary>
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
            if (entry.Size != source.Size)
            {
                return (PlannedAction.CopyChanged, $"size differs: source {source.Size} bytes, ledger {entry.Size}");
            }

            if (source.Md5 is not null && entry.SourceMd5 is not null && source.Md5 != entry.SourceMd5)
            {
                return (PlannedAction.CopyChanged, $"MD5 differs: source {source.Md5}, ledger {entry.SourceMd5}");
            }

            if (source.ETag is not null && entry.ETag is not null && source.ETag != entry.ETag)
            {
                return (PlannedAction.CopyChanged, $"etag differs: source {source.ETag}, ledger {entry.ETag}");
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

        if (destination.Size != source.Size)
        {
            return (PlannedAction.CopyChanged, $"not in the ledger and destination size {destination.Size} differs from source {source.Size}");
        }

        var sourceHex = source.IsMultipartMd5 ? null : Md5Digests.Base64ToHex(source.Md5);
        if (sourceHex is not null && destination.ETag is { } etag && !etag.Contains('-', StringComparison.Ordinal) && Md5Digests.SameETag(etag, sourceHex))
        {
            return (PlannedAction.Skip, "not in the ledger, but size and MD5 match the destination object");
        }

        return (PlannedAction.CopyChanged, "not in the ledger and the destination object cannot be proven equal (no comparable MD5)");
    }
}
