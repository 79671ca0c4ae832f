namespace CostSync.Sync.Ledger;

/// <summary>
/// The ledger as merged at the start of a run: the latest entry per destination key (by <see cref="LedgerEntry.CopiedAt"/>, later
/// read wins a tie), plus what a snapshot written by this run would cover.
/// </summary>
internal sealed class LedgerState
{
    private readonly Dictionary<string, LedgerEntry> _latest = new(StringComparer.Ordinal);

    public LedgerState(IEnumerable<string> covers, LegacyLedgerIdentity? legacy, bool legacyUncovered, int segmentsUncovered)
    {
        Covers = covers.ToHashSet(StringComparer.Ordinal);
        Legacy = legacy;
        LegacyUncovered = legacyUncovered;
        SegmentsUncovered = segmentsUncovered;
    }

    /// <summary>Segments merged into this state, by name relative to the ledger folder.</summary>
    public IReadOnlySet<string> Covers { get; }

    /// <summary>The legacy ledger merged into this state, if any.</summary>
    public LegacyLedgerIdentity? Legacy { get; }

    /// <summary>True when the legacy ledger was read because no snapshot holds it yet.</summary>
    public bool LegacyUncovered { get; }

    /// <summary>Segments read because no snapshot holds them yet.</summary>
    public int SegmentsUncovered { get; }

    /// <summary>The latest entry per key, Mirror deletions included.</summary>
    public IReadOnlyCollection<LedgerEntry> Entries => _latest.Values;

    public static LedgerState Empty() => new([], null, legacyUncovered: false, segmentsUncovered: 0);

    /// <summary>The latest entry for <paramref name="key"/> unless that is a deletion.</summary>
    public LedgerEntry? Find(string key) =>
        _latest.TryGetValue(key, out var entry) && entry.Deleted != true ? entry : null;

    /// <summary>Merges one entry: it replaces the current one for its key unless that one was copied later.</summary>
    public void Apply(LedgerEntry entry)
    {
        if (!_latest.TryGetValue(entry.Key, out var current) || current.CopiedAt <= entry.CopiedAt)
        {
            _latest[entry.Key] = entry;
        }
    }
}
