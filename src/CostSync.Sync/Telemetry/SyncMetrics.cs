using System.Diagnostics.Metrics;
using CostSync.Oci.Telemetry;
using CostSync.Sync.Ledger;
using CostSync.Sync.Transfer;

namespace CostSync.Sync.Telemetry;

/// <summary>
/// What only the engine knows, on the <see cref="CostSyncMeter.Name"/> meter: part-buffer bytes in flight against the memory
/// budget (observed from the pool) and the number of live ledger entries after each run.
/// </summary>
internal sealed class SyncMetrics
{
    private readonly Gauge<long> _ledgerEntries;

    public SyncMetrics(IMeterFactory meterFactory, PartBufferPool pool)
    {
        Meter meter = meterFactory.Create(CostSyncMeter.Name);
        meter.CreateObservableUpDownCounter("costsync.transfer.buffer.in_flight", () => pool.OutstandingBytes, "By", "Part-buffer bytes handed out and not yet returned.");
        meter.CreateObservableUpDownCounter("costsync.transfer.buffer.budget", () => pool.BudgetBytes, "By", "The memory budget for part buffers (CostSync:Transfer:MemoryBudgetMiB).");
        _ledgerEntries = meter.CreateGauge<long>("costsync.ledger.entries", "{entry}", "Objects the ledger records as present at the destination, after the last run.");
    }

    /// <summary>Records the live entries: those read at the start, plus this run's copies, minus this run's deletions.</summary>
    public void LedgerRecorded(LedgerSnapshot snapshot, IEnumerable<LedgerEntry> added)
    {
        var live = new HashSet<string>(snapshot.Latest.Keys, StringComparer.Ordinal);
        foreach (LedgerEntry entry in snapshot.Rebuilt.Concat(added))
        {
            if (entry.Deleted == true)
            {
                live.Remove(entry.Key);
            }
            else
            {
                live.Add(entry.Key);
            }
        }

        _ledgerEntries.Record(live.Count);
    }
}
