using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;

namespace CostSync.Sync;

/// <summary>The planner's decision for every object, with a reason each.</summary>
public sealed record SyncPlan(IReadOnlyList<PlannedItem> Items, DateTimeOffset? NewestSourceObjectTime)
{
    /// <summary>Bytes the plan would copy.</summary>
    public long BytesToCopy => Items.Where(i => i.Action is PlannedAction.CopyNew or PlannedAction.CopyChanged).Sum(i => i.Source?.Size ?? 0);
}

/// <summary>One decision. <paramref name="Source"/> is null for <see cref="PlannedAction.Delete"/> and for a <see cref="PlannedAction.LeaveAlone"/> of an object whose source is gone.</summary>
public sealed record PlannedItem(string Name, string DestinationKey, PlannedAction Action, string Reason, ObjectSummary? Source)
{
    /// <summary>The object listed at <see cref="DestinationKey"/>, when there is one (what a changed report replaces).</summary>
    public DestinationObject? Existing { get; init; }
}
