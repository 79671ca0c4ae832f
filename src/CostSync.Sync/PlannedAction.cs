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
}
