using System.Buffers;
using System.Collections.Concurrent;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Verification;

/// <summary>
/// Re-proves the archive: one destination listing (which also finds the ledger), the ledger read as a run reads it, then per recorded
/// object the listing checks (present, size, ETag), the read-back of all or a seeded sample (hashed while streaming, a bounded number
/// at a time), a HEAD of each unrecorded object to tell CostSync's from another writer's, and with <c>--against-source</c> a
/// comparison with the source listing. Reads only; writes nothing.
/// </summary>
internal sealed class ArchiveVerifier(
    RunScopeResolver scopes,
    LedgerReader ledgerReader,
    SourceComparison sourceComparison,
    TransferSettings settings,
    IOptions<DestinationOptions> destinationOptions,
    TimeProvider timeProvider)
{
    /// <summary>The read buffer of each object in flight; memory stays at this times <c>Transfer:MaxConcurrentObjects</c>.</summary>
    private const int BufferBytes = 256 * 1024;

    public async Task<VerifyReport> VerifyAsync(IDestination destination, VerifyRequest request, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(cancellationToken);
        var layout = scope.Layout;
        var namePrefix = request.NamePrefix ?? string.Empty;
        var stored = new Dictionary<string, DestinationObject>(StringComparer.Ordinal);
        var ledgerObjects = new List<DestinationObject>();
        await foreach (var o in destination.ListObjectsAsync(layout.ListPrefix, cancellationToken))
        {
            if (layout.IsLedgerObject(o.Key))
            {
                ledgerObjects.Add(o);
            }
            else
            {
                stored[o.Key] = o;
            }
        }

        var ledger = await ledgerReader.ReadAsync(destination, layout, LedgerFiles.From(layout, ledgerObjects), cancellationToken);
        var recorded = ledger.Entries
            .Where(e => e.Deleted != true && e.Name.StartsWith(namePrefix, StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var sample = request.SamplePercent is { } percent ? SampleSelector.Select(recorded, percent, request.Seed).ToHashSet() : null;
        var problems = new ConcurrentQueue<VerifyProblem>();
        var toRead = new List<(LedgerEntry Entry, bool ETagCompared)>();
        var otherETag = new List<(LedgerEntry Entry, VerifyProblem Problem, bool SameSize, bool OtherETag)>();
        foreach (var entry in recorded)
        {
            var listed = stored.GetValueOrDefault(entry.Key);
            if (ListingProblem(entry, listed) is { } problem)
            {
                if (problem.Kind == VerifyProblemKind.Changed)
                {
                    otherETag.Add((entry, problem, listed!.Size == entry.Size, OtherETag(entry, listed)));
                }
                else
                {
                    problems.Enqueue(problem);
                }
            }
            else if (sample is null || sample.Contains(entry))
            {
                toRead.Add((entry, listed!.ETag is not null && entry.DestinationETag is not null));
            }
        }

        var reports = stored.Values.Where(o => layout.NameOf(o.Key) is { } name && name.StartsWith(namePrefix, StringComparison.Ordinal)).ToList();
        await JudgeOtherETagsAsync(destination, otherETag, problems, cancellationToken);
        var foreign = await FindUnrecordedAsync(destination, reports.Where(o => ledger.Find(o.Key) is null).ToList(), problems, cancellationToken);
        var read = await ReadBackAsync(destination, toRead, problems, progress, cancellationToken);

        var report = new VerifyReport
        {
            Destination = destination.Description,
            Prefix = layout.ListPrefix,
            Recorded = recorded.Count,
            Listed = reports.Count,
            Foreign = foreign,
            BytesRead = read.Sum(r => r.Bytes),
            ReadBack = [.. read.OrderBy(r => r.Key, StringComparer.Ordinal)],
            Notes = [.. Empty(layout, recorded.Count, namePrefix, ledger.Entries.Any(e => e.Deleted != true)), .. read.Where(r => r.Matched && !r.Compared.Contains("MD5", StringComparison.Ordinal) && !r.Compared.Contains("CRC", StringComparison.Ordinal))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => $"{r.Key}: only its {r.Compared.Replace(", ", " and ", StringComparison.Ordinal)} could be checked (a multipart-uploaded source has no whole-object MD5, and the ledger recorded no CRC-32C for it)")],
        };
        if (request.AgainstSource)
        {
            report = await sourceComparison.CompareAsync(scope, namePrefix, ledger, stored, recorded, problems, report, cancellationToken);
        }

        return report with { Problems = [.. problems.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Kind)] };
    }

    /// <summary>A ledger with nothing in it proves nothing: usually the wrong prefix (or a `--prefix` no report name starts with).</summary>
    private static IEnumerable<string> Empty(KeyLayout layout, int recorded, string namePrefix, bool ledgerHasEntries) =>
        recorded > 0 ? []
        : ledgerHasEntries && namePrefix.Length > 0
            ? [$"the ledger under `{layout.LedgerFolder}` records no report whose name starts with `{namePrefix}` (`--prefix`), so there was nothing to verify: compare it with the names `CostSync list` prints (without `Destination:Prefix`)"]
            : [$"the ledger under `{layout.LedgerFolder}` records no object, so there was nothing to verify: if CostSync has run, check `CostSync:Destination:Prefix` and `IncludeTenancyFolder` (and `--prefix`)"];

    /// <summary>What the listing alone shows: absent, another size, or another ETag than the ledger recorded.</summary>
    private static VerifyProblem? ListingProblem(LedgerEntry entry, DestinationObject? listed)
    {
        var superseded = entry.SupersededFrom is not null;
        var copied = $"copied {entry.CopiedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by run {entry.RunId}";
        if (listed is null)
        {
            return new VerifyProblem(VerifyProblemKind.Missing, entry.Key, $"the ledger records it ({entry.Size} bytes, {copied}) but the archive does not hold it", superseded ? VerifyFixes.MissingSuperseded : VerifyFixes.MissingReport);
        }

        if (listed.Size != entry.Size)
        {
            return new VerifyProblem(VerifyProblemKind.Changed, entry.Key, $"holds {listed.Size} bytes, the ledger recorded {entry.Size} ({copied})", superseded ? VerifyFixes.ChangedSuperseded : VerifyFixes.ChangedVisibly);
        }

        return listed.ETag is { } etag && entry.DestinationETag is { } recorded && !Integrity.Md5Digests.SameETag(etag, recorded)
            ? new VerifyProblem(VerifyProblemKind.Changed, entry.Key, $"has ETag {etag}, the ledger recorded {recorded} ({copied}): it was replaced outside CostSync", superseded ? VerifyFixes.ChangedSuperseded : VerifyFixes.ChangedVisibly)
            : null;
    }

    /// <summary>Both the listing and the ledger know the destination ETag, and they differ.</summary>
    private static bool OtherETag(LedgerEntry entry, DestinationObject listed) =>
        listed.ETag is { } etag && entry.DestinationETag is { } recorded && !Integrity.Md5Digests.SameETag(etag, recorded);

    /// <summary>
    /// Another size or ETag than the recorded one is either another CostSync write the ledger does not record yet (same size,
    /// metadata naming another run: a run that stopped before recording it, healed by the next run as a run's adoption does),
    /// a change that kept CostSync's metadata (the next run copies the report again), or a replacement by another writer
    /// under another ETag without CostSync's metadata, which a run leaves alone as it does every object it did not write
    /// (the fix is to move it aside first). One HEAD each tells which.
    /// </summary>
    private async Task JudgeOtherETagsAsync(IDestination destination, List<(LedgerEntry Entry, VerifyProblem Problem, bool SameSize, bool OtherETag)> candidates, ConcurrentQueue<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(candidates, Bounded(cancellationToken), async (c, token) =>
        {
            var details = await destination.HeadObjectAsync(c.Entry.Key, token);
            var run = details?.Metadata.GetValueOrDefault(ObjectMetadataNames.RunId);
            var ours = details?.Metadata.ContainsKey(ObjectMetadataNames.SourceSize) == true;
            var report = c.Entry.SupersededFrom is null;
            problems.Enqueue(report && c.SameSize && ours && run is not null && run != c.Entry.RunId
                ? new VerifyProblem(VerifyProblemKind.Unrecorded, c.Entry.Key, $"was written again by run {run} (ETag {details!.ETag}), but the ledger records the copy by run {c.Entry.RunId} (ETag {c.Entry.DestinationETag})", VerifyFixes.Unrecorded)
                : report && c.OtherETag && details is not null && !ours
                    ? c.Problem with { Detail = $"{c.Problem.Detail}; the object there now carries no CostSync metadata", Fix = VerifyFixes.ReplacedByAnotherWriter }
                    : c.Problem);
        });
    }

    /// <summary>HEADs report objects without a ledger entry: CostSync's metadata makes one unrecorded; the rest are another writer's (returns their count).</summary>
    private async Task<int> FindUnrecordedAsync(IDestination destination, List<DestinationObject> unrecorded, ConcurrentQueue<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        var foreign = 0;
        await Parallel.ForEachAsync(unrecorded, Bounded(cancellationToken), async (o, token) =>
        {
            var details = await destination.HeadObjectAsync(o.Key, token);
            if (details?.Metadata.TryGetValue(ObjectMetadataNames.SourceSize, out _) == true)
            {
                var run = details.Metadata.GetValueOrDefault(ObjectMetadataNames.RunId) ?? "unknown";
                problems.Enqueue(new VerifyProblem(VerifyProblemKind.Unrecorded, o.Key, $"carries CostSync's metadata (written by run {run}) but has no ledger entry", VerifyFixes.Unrecorded));
            }
            else if (details is not null)
            {
                Interlocked.Increment(ref foreign);
            }
        });
        return foreign;
    }

    private async Task<List<VerifiedObject>> ReadBackAsync(IDestination destination, List<(LedgerEntry Entry, bool ETagCompared)> toRead, ConcurrentQueue<VerifyProblem> problems, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var read = new ConcurrentQueue<VerifiedObject>();
        var tracker = new ProgressTracker(progress, toRead.Count, toRead.Sum(r => r.Entry.Size), timeProvider);
        await Parallel.ForEachAsync(toRead, Bounded(cancellationToken), async (item, token) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                var (verified, problem) = await ObjectReadBack.CheckAsync(destination, item.Entry, item.ETagCompared, buffer, tracker.AddBytes, e => DestinationFailures.Describe(e, destinationOptions.Value), token);
                if (verified is not null)
                {
                    read.Enqueue(verified);
                }

                if (problem is not null)
                {
                    problems.Enqueue(problem);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                tracker.ObjectDone();
            }
        });
        return [.. read];
    }

    private ParallelOptions Bounded(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = settings.MaxConcurrentObjects, CancellationToken = cancellationToken };
}
