using CostSync.Sync.Ledger;

namespace CostSync.Sync.Planning;

/// <summary>A plan plus what the run needs afterwards: the ledger as read and the listing counts the Mirror guards use.</summary>
internal sealed record PlanOutcome(SyncPlan Plan, LedgerSnapshot Ledger, int SourceListed, int DestinationObjects);
