namespace CostSync.Hosting;

/// <summary>How an attempt to run ended, from the host's point of view.</summary>
internal enum RunOutcomeKind
{
    Succeeded,
    PartiallyFailed,
    Failed,

    /// <summary>Another process holds the lock file.</summary>
    LockHeld,

    /// <summary>A run of this process was already in progress.</summary>
    Skipped,

    /// <summary>The host is stopping.</summary>
    Cancelled,
}
