namespace CostSync.Alerts;

/// <summary>The messages alerting can send.</summary>
internal enum AlertKind
{
    /// <summary>A run failed or partially failed (first of a streak, or a repeat).</summary>
    Failure,

    /// <summary>A run succeeded after a failure streak.</summary>
    Recovery,

    /// <summary>The newest source report is older than <c>Alerts:StaleAfter</c>.</summary>
    Stale,

    /// <summary>A run succeeded but listed no source object (an empty bucket, or Include/Exclude patterns that match nothing).</summary>
    NothingListed,

    /// <summary>A run archived reports whose content is invalid, or whose columns changed (schema drift): both found once, when the report is copied.</summary>
    Content,
}
