using CostSync.Sync.Destinations;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>
/// Reads the ledger found in the run's listing: the newest readable snapshot, every segment it does not cover, and the legacy
/// <c>ledger.jsonl</c> unless the snapshot already holds that exact version. Nothing else is requested, so a run with nothing new
/// costs its listings plus these reads.
/// </summary>
internal sealed class LedgerReader(LedgerSettings settings, ILogger<LedgerReader> logger)
{
    public async Task<LedgerState> ReadAsync(IDestination destination, KeyLayout layout, LedgerFiles files, CancellationToken cancellationToken)
    {
        var (header, snapshotEntries) = await ReadNewestSnapshotAsync(destination, files, cancellationToken);
        var covered = new HashSet<string>(header?.Covers ?? [], StringComparer.Ordinal);
        var uncovered = files.Segments.Where(s => !covered.Contains(Relative(layout, s.Key))).ToList();
        var legacyUncovered = files.Legacy is { } legacy && header?.Legacy?.Matches(legacy) != true;

        var toRead = legacyUncovered ? [files.Legacy!, .. uncovered] : uncovered;
        var contents = new List<LedgerEntry>[toRead.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, toRead.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelRequests, CancellationToken = cancellationToken },
            async (i, token) => contents[i] = await ReadEntriesAsync(destination, toRead[i].Key, token));

        var state = new LedgerState(
            covered.Concat(uncovered.Select(s => Relative(layout, s.Key))),
            files.Legacy is { } listed ? LegacyLedgerIdentity.Of(listed) : header?.Legacy,
            legacyUncovered,
            uncovered.Count);
        foreach (var entry in snapshotEntries.Concat(contents.SelectMany(c => c)))
        {
            state.Apply(entry);
        }

        Log.LedgerRead(logger, layout.LedgerFolder, header is null ? 0 : 1, uncovered.Count, legacyUncovered, state.Entries.Count);
        return state;
    }

    /// <summary>A segment's name relative to the ledger folder, as snapshots list it.</summary>
    public static string Relative(KeyLayout layout, string key) => key[layout.LedgerFolder.Length..];

    private async Task<(LedgerSnapshotHeader? Header, List<LedgerEntry> Entries)> ReadNewestSnapshotAsync(IDestination destination, LedgerFiles files, CancellationToken cancellationToken)
    {
        // Newest first; an unreadable snapshot only costs falling back to an older one (segments are never deleted).
        foreach (var snapshot in files.Snapshots.Reverse())
        {
            var content = await ReadBytesAsync(destination, snapshot.Key, cancellationToken);
            var lines = content is null ? [] : LedgerLines.Split(content).ToList();
            if (lines.Count > 0 && LedgerLines.Header(lines[0].Text) is { } header)
            {
                return (header, LedgerLines.Entries(lines.Skip(1), snapshot.Key, logger));
            }

            Log.LedgerSnapshotUnreadable(logger, snapshot.Key);
        }

        return (null, []);
    }

    private async Task<List<LedgerEntry>> ReadEntriesAsync(IDestination destination, string key, CancellationToken cancellationToken)
    {
        var content = await ReadBytesAsync(destination, key, cancellationToken);
        if (content is null)
        {
            Log.LedgerObjectVanished(logger, key);
            return [];
        }

        return LedgerLines.Entries(LedgerLines.Split(content), key, logger);
    }

    private static async Task<byte[]?> ReadBytesAsync(IDestination destination, string key, CancellationToken cancellationToken)
    {
        await using var stream = await destination.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }
}
