using CostSync.Sync.Destinations;
using CostSync.Sync.Planning;

namespace CostSync.Sync.Ledger;

/// <summary>The ledger's objects as found in the run's one destination listing: the legacy file, segments and snapshots, each in key order.</summary>
internal sealed record LedgerFiles(DestinationObject? Legacy, IReadOnlyList<DestinationObject> Segments, IReadOnlyList<DestinationObject> Snapshots)
{
    public static LedgerFiles Empty { get; } = new(null, [], []);

    public static LedgerFiles From(KeyLayout layout, IEnumerable<DestinationObject> listed)
    {
        DestinationObject? legacy = null;
        var segments = new List<DestinationObject>();
        var snapshots = new List<DestinationObject>();
        foreach (var o in listed)
        {
            if (string.Equals(o.Key, layout.LedgerKey, StringComparison.Ordinal))
            {
                legacy = o;
            }
            else if (o.Key.EndsWith(".jsonl", StringComparison.Ordinal) && o.Key.StartsWith(layout.SnapshotFolder, StringComparison.Ordinal))
            {
                snapshots.Add(o);
            }
            else if (o.Key.EndsWith(".jsonl", StringComparison.Ordinal) && o.Key.StartsWith(layout.LedgerFolder, StringComparison.Ordinal))
            {
                segments.Add(o);
            }
        }

        return new LedgerFiles(
            legacy,
            [.. segments.OrderBy(s => s.Key, StringComparer.Ordinal)],
            [.. snapshots.OrderBy(s => s.Key, StringComparer.Ordinal)]);
    }
}
