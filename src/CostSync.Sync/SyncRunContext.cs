using CostSync.Sync.Destinations;

namespace CostSync.Sync;

/// <summary>What one run needs that changes from run to run.</summary>
/// <param name="RunId">Identifies the run in logs, the ledger and alerts.</param>
/// <param name="Destination">Where objects go; built for this run (e.g. with credentials just read from Vault).</param>
public sealed record SyncRunContext(string RunId, IDestination Destination)
{
    /// <summary>Receives a snapshot after every uploaded part or object; the host can throttle it into a progress line every few seconds.</summary>
    public IProgress<SyncProgress>? Progress { get; init; }
}
