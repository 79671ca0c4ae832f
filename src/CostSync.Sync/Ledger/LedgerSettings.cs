namespace CostSync.Sync.Ledger;

/// <summary>When the ledger is flushed during a run and compacted. Internal settings, not configuration keys; tests shrink them.</summary>
internal sealed record LedgerSettings
{
    /// <summary>A segment is written once this many entries are waiting. <value>Default: 200.</value></summary>
    public int FlushEveryEntries { get; init; } = 200;

    /// <summary>A segment is written at the latest this long after the first entry began waiting. <value>Default: 30 seconds.</value></summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A run that read or wrote this many segments not yet in a snapshot writes a new snapshot at its end. <value>Default: 16.</value></summary>
    public int CompactAfterSegments { get; init; } = 16;

    /// <summary>Ledger reads and adoption HEADs in flight at once. <value>Default: 8.</value></summary>
    public int MaxParallelRequests { get; init; } = 8;
}
