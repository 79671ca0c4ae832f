using System.Diagnostics.Metrics;
using CostSync.Oci.Telemetry;
using CostSync.Sync.Ledger;
using CostSync.Sync.Transfer;

namespace CostSync.Sync.Telemetry;

/// <summary>
/// What only the engine knows, on the <see cref="CostSyncMeter.Name"/> meter: part-buffer bytes in flight against the memory
/// budget (observed from the pool), the number of live ledger entries after each run, and the S3 client's retries.
/// </summary>
internal sealed class SyncMetrics
{
    private readonly Gauge<long> _ledgerEntries;
    private readonly Counter<long> _retries;
    private readonly RetryTally _tally;
    private readonly Lock _lock = new();
    private long _s3Attempts;
    private long _s3Calls;
    private long _s3RetriesCounted;

    public SyncMetrics(IMeterFactory meterFactory, PartBufferPool pool, RetryTally tally)
    {
        _tally = tally;
        Meter meter = meterFactory.Create(CostSyncMeter.Name);
        meter.CreateObservableUpDownCounter("costsync.transfer.buffer.in_flight", () => pool.OutstandingBytes, "By", "Part-buffer bytes handed out and not yet returned.");
        meter.CreateObservableUpDownCounter("costsync.transfer.buffer.budget", () => pool.BudgetBytes, "By", "The memory budget for part buffers (CostSync:Transfer:MemoryBudgetMiB).");
        _ledgerEntries = meter.CreateGauge<long>("costsync.ledger.entries", "{entry}", "Objects the ledger records as present at the destination, after the last run.");
        _retries = meter.CreateCounter<long>(CostSyncMeter.Retries, "{retry}", "Calls retried after a failed attempt, by side (oci, s3).");
    }

    /// <summary>The S3 client finished one HTTP attempt.</summary>
    public void S3AttemptEnded()
    {
        lock (_lock)
        {
            _s3Attempts++;
        }
    }

    /// <summary>
    /// An S3 call finished. Calls run in parallel and the SDK does not say which call an attempt belonged to, so retries
    /// are counted as attempts beyond one per finished call: exact in total, possibly reported with the next call to finish.
    /// </summary>
    public void S3CallEnded()
    {
        long retries;
        lock (_lock)
        {
            _s3Calls++;
            retries = Math.Max(0, _s3Attempts - _s3Calls - _s3RetriesCounted);
            _s3RetriesCounted += retries;
        }

        if (retries > 0)
        {
            _tally.S3Retried(retries);
            _retries.Add(retries, new KeyValuePair<string, object?>("side", "s3"), new KeyValuePair<string, object?>("outcome", "retried"));
        }
    }

    /// <summary>Records the live entries: the ledger as read at the start, then this run's written copies and deletions.</summary>
    public void LedgerRecorded(LedgerState ledger, IEnumerable<LedgerEntry> written)
    {
        var live = ledger.Entries.Where(e => e.Deleted != true).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (LedgerEntry entry in written)
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
