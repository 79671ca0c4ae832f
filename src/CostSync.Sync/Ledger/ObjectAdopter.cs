using System.Collections.Concurrent;
using System.Globalization;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>
/// Heals the audit trail: a destination object with no ledger entry (or whose ETag no longer matches its entry) gets one HEAD;
/// if it carries CostSync's metadata it is adopted, i.e. recorded from that metadata (a run that ended between writing an object
/// and recording it leaves exactly this). Objects without it are another writer's: left alone and never recorded.
/// </summary>
internal sealed class ObjectAdopter(ForeignObjectMemo memo, LedgerSettings settings, TimeProvider timeProvider, ILogger<ObjectAdopter> logger)
{
    public async Task<Adoption> AdoptAsync(IDestination destination, KeyLayout layout, IReadOnlyCollection<DestinationObject> listed, LedgerState ledger, string runId, CancellationToken cancellationToken)
    {
        var foreign = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var vanished = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var adopted = new ConcurrentQueue<LedgerEntry>();
        var toLook = new List<DestinationObject>();
        foreach (var o in listed.Where(o => Unrecorded(o, ledger.Find(o.Key))))
        {
            if (memo.Knows(destination, o))
            {
                foreign[o.Key] = 0;
            }
            else
            {
                toLook.Add(o);
            }
        }

        await Parallel.ForEachAsync(toLook, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelRequests, CancellationToken = cancellationToken }, async (o, token) =>
        {
            var details = await destination.HeadObjectAsync(o.Key, token);
            if (details is null)
            {
                vanished[o.Key] = 0;
            }
            else if (layout.NameOf(o.Key) is { } name && FromMetadata(name, details, ledger.Find(o.Key), runId) is { } entry)
            {
                adopted.Enqueue(entry);
                Log.ObjectAdopted(logger, o.Key, entry.RunId);
            }
            else
            {
                foreign[o.Key] = 0;
                memo.Remember(destination, o);
                Log.ForeignObjectFound(logger, o.Key);
            }
        });

        if (!adopted.IsEmpty || !foreign.IsEmpty)
        {
            Log.AdoptionSummary(logger, layout.ListPrefix, adopted.Count, foreign.Count);
        }

        return new Adoption([.. adopted.OrderBy(e => e.Key, StringComparer.Ordinal)], foreign.Keys.ToHashSet(StringComparer.Ordinal), vanished.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>No entry, or an entry whose ETag differs from the listed object's (written again by another process, or replaced).</summary>
    private static bool Unrecorded(DestinationObject listed, LedgerEntry? entry) =>
        entry is null || (entry.DestinationETag is { } recorded && listed.ETag is { } current && !Md5Digests.SameETag(recorded, current));

    private LedgerEntry? FromMetadata(string name, DestinationObjectDetails details, LedgerEntry? previous, string runId)
    {
        var m = details.Metadata;
        if (!m.TryGetValue(ObjectMetadataNames.SourceSize, out var sizeText) || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return null; // not written by CostSync
        }

        DateTimeOffset? created = m.TryGetValue(ObjectMetadataNames.SourceTimeCreated, out var t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;

        // When the object was written; later than the entry it replaces, so the merge (latest CopiedAt wins) keeps it despite clock skew.
        var copiedAt = details.LastModified ?? timeProvider.GetUtcNow();
        if (previous is not null && previous.CopiedAt >= copiedAt)
        {
            copiedAt = previous.CopiedAt.AddMilliseconds(1);
        }

        return new LedgerEntry(
            name,
            size,
            m.GetValueOrDefault(ObjectMetadataNames.SourceMd5),
            m.GetValueOrDefault(ObjectMetadataNames.SourceMultipartMd5),
            m.GetValueOrDefault(ObjectMetadataNames.SourceETag),
            created,
            details.Key,
            details.ETag,
            details.VersionId,
            copiedAt,
            m.GetValueOrDefault(ObjectMetadataNames.RunId) ?? runId)
        {
            AdoptedBy = runId,
            SourceCrc32c = m.GetValueOrDefault(ObjectMetadataNames.SourceCrc32c),
        };
    }
}
