namespace CostSync.Sync;

/// <summary>How a run ended.</summary>
public enum SyncRunStatus
{
    /// <summary>Every planned object was copied and verified (or nothing needed copying).</summary>
    Succeeded,

    /// <summary>Some objects failed; the others were copied.</summary>
    PartiallyFailed,

    /// <summary>The run could not do its job (e.g. the source could not be listed, or every copy failed).</summary>
    Failed,
}
