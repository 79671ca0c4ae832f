namespace CostSync.Configuration;

/// <summary>Alerts to OCI Notifications; bound from <c>CostSync:Alerts</c>.</summary>
internal sealed class AlertOptions
{
    /// <summary>The ONS topic OCID. <value>Default: empty, meaning alerts are only logged.</value></summary>
    public string? TopicId { get; set; }

    /// <summary>While a failure (or staleness) lasts, repeat the alert at most this often. <value>Default: 24 hours.</value></summary>
    public TimeSpan RepeatEvery { get; set; } = CostSyncDefaults.AlertRepeatEvery;

    /// <summary>Alert when the newest source report is older than this although runs succeed. <value>Default: 36 hours.</value></summary>
    public TimeSpan StaleAfter { get; set; } = CostSyncDefaults.AlertStaleAfter;
}
