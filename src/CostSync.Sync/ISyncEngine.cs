namespace CostSync.Sync;

/// <summary>Plans and runs one sync from the OCI source to the configured destination.</summary>
public interface ISyncEngine
{
    /// <summary>Lists source, destination and ledger and decides, per object, what a run would do. Writes nothing.</summary>
    Task<SyncPlan> PlanAsync(SyncRunContext context, CancellationToken cancellationToken);

    /// <summary>Plans, copies, verifies and records. One failing object does not stop the others.</summary>
    /// <remarks>Throws only when the run cannot start at all (e.g. the source cannot be listed); per-object failures are in the result.</remarks>
    Task<SyncRunResult> RunAsync(SyncRunContext context, CancellationToken cancellationToken);
}
