using CostSync.Oci.ObjectStorage;

namespace CostSync.Sync;

/// <summary>The planner's decision for every object, with a reason each.</summary>
public sealed record SyncPlan(IReadOnlyList<PlannedItem> Items, DateTimeOffset? NewestSourceObjectTime)
{
    /// <summary>Bytes the plan would copy.</summary>
    public long BytesToCopy => Items.Where(i => i.Action is PlannedAction.CopyNew or PlannedAction.CopyChanged).Sum(i => i.Source?.Size ?? 0);
}

/// <summary>One decision. <paramref name="Source"/> is null only for <see cref="PlannedAction.Delete"/>.</summary>
public sealed record PlannedItem(string Name, string DestinationKey, PlannedAction Action, string Reason, ObjectSummary? Source);
