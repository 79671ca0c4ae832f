namespace CostSync.Sync;

/// <summary>What the planner decided for an object.</summary>
public enum PlannedAction
{
    /// <summary>Absent at the destination: copy.</summary>
    CopyNew,

    /// <summary>Same name, different size, MD5 or etag: copy again.</summary>
    CopyChanged,

    /// <summary>Already copied and unchanged.</summary>
    Skip,

    /// <summary>Mirror mode only: the source is gone, delete at the destination.</summary>
    Delete,

    /// <summary>
    /// An object under the prefix that CostSync did not write (no ledger entry, no <c>costsync-*</c> metadata): never deleted,
    /// overwritten or recorded. With a source it is a failure (the report cannot be archived at its key); without one
    /// (Mirror mode) it is only listed.
    /// </summary>
    LeaveAlone,
}
