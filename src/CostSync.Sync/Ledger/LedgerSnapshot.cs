namespace CostSync.Sync.Ledger;

/// <summary>The ledger as read at the start of a run: its raw bytes (kept verbatim), the latest entry per key, and entries rebuilt from metadata.</summary>
internal sealed record LedgerSnapshot(byte[] Content, IReadOnlyDictionary<string, LedgerEntry> Latest, IReadOnlyList<LedgerEntry> Rebuilt)
{
    public static LedgerSnapshot Empty { get; } = new([], new Dictionary<string, LedgerEntry>(), []);
}
