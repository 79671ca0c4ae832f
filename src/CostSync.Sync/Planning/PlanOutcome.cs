using CostSync.Sync.Ledger;

namespace CostSync.Sync.Planning;

/// <summary>A plan plus what the run needs afterwards: the ledger as read (adoptions applied), the adopted entries to record, and the counts the Mirror guards use.</summary>
/// <param name="Plan">The decisions.</param>
/// <param name="Ledger">The merged ledger, adopted entries included.</param>
/// <param name="Adopted">Entries for objects adopted from their metadata; the run records them in its first segment.</param>
/// <param name="SourceListed">Source objects listed, before filters.</param>
/// <param name="DestinationObjects">Destination objects CostSync wrote (foreign ones excluded).</param>
internal sealed record PlanOutcome(SyncPlan Plan, LedgerState Ledger, IReadOnlyList<LedgerEntry> Adopted, int SourceListed, int DestinationObjects);
