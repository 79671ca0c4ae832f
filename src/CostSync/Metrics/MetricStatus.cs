using CostSync.Sync;

namespace CostSync.Metrics;

/// <summary>Run outcomes as metric label values (snake case, stable).</summary>
internal static class MetricStatus
{
    public static string Of(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Succeeded => "succeeded",
        SyncRunStatus.PartiallyFailed => "partially_failed",
        _ => "failed",
    };
}
