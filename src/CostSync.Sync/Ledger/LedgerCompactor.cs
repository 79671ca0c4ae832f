using System.Globalization;
using System.Security.Cryptography;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>
/// Writes a new snapshot (<c>ledger/snapshots/&lt;time&gt;-&lt;random&gt;.jsonl</c>): a header naming every segment and the legacy
/// ledger it holds, then the latest entry per key. Nothing is edited or deleted: later readers read the newest snapshot plus the
/// segments it does not name, so a segment written meanwhile by another process is never skipped.
/// </summary>
internal sealed class LedgerCompactor(LedgerSettings settings, TimeProvider timeProvider, ILogger<LedgerCompactor> logger)
{
    /// <summary>Due when the legacy ledger is not in a snapshot yet, or enough segments are outside one.</summary>
    public bool IsDue(LedgerState state, int segmentsWritten) =>
        state.LegacyUncovered || state.SegmentsUncovered + segmentsWritten >= settings.CompactAfterSegments;

    /// <summary>Writes the snapshot of <paramref name="state"/> plus this run's written entries; a failure is logged, never fatal.</summary>
    public async Task CompactAsync(IDestination destination, KeyLayout layout, LedgerState state, LedgerWriter writer, string runId, CancellationToken cancellationToken)
    {
        foreach (var entry in writer.Written)
        {
            state.Apply(entry);
        }

        var now = timeProvider.GetUtcNow();
        var covers = state.Covers.Concat(writer.Segments.Select(k => LedgerReader.Relative(layout, k))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var header = new LedgerSnapshotHeader(1, runId, now, covers, state.Legacy);
        var content = LedgerLines.Write(state.Entries.OrderBy(e => e.Key, StringComparer.Ordinal), header);
        var key = string.Create(CultureInfo.InvariantCulture, $"{layout.SnapshotFolder}{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.jsonl");
        try
        {
            await destination.PutObjectAsync(key, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string>(), WriteKind.Internal, cancellationToken);
            Log.LedgerCompacted(logger, key, state.Entries.Count, covers.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Compaction only saves later reads; the segments remain complete without it.
            Log.LedgerCompactionFailed(logger, key, e.Message);
        }
    }
}
