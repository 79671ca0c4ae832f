namespace CostSync.Sync.Ledger;

/// <summary>What the look at unrecorded destination objects found.</summary>
/// <param name="Adopted">Entries for objects CostSync wrote but the ledger did not record (from their <c>costsync-*</c> metadata).</param>
/// <param name="Foreign">Keys of objects CostSync did not write (no <c>costsync-*</c> metadata): never adopted, deleted or overwritten.</param>
/// <param name="Vanished">Keys that were listed but gone by the time of the HEAD.</param>
internal sealed record Adoption(IReadOnlyList<LedgerEntry> Adopted, IReadOnlySet<string> Foreign, IReadOnlySet<string> Vanished);
