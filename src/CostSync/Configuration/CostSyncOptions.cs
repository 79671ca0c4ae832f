namespace CostSync.Configuration;

/// <summary>Host-wide settings bound from <c>CostSync</c>.</summary>
internal sealed class CostSyncOptions
{
    /// <summary>Where the lock file, the last successful run and the alert state live. <value>Default: <c>/var/lib/costsync</c>.</value></summary>
    public string StateDirectory { get; set; } = CostSyncDefaults.StateDirectory;

    /// <summary>A run that takes longer is cancelled. <value>Default: 12 hours.</value></summary>
    public TimeSpan RunTimeout { get; set; } = CostSyncDefaults.RunTimeout;

    /// <summary>How often a long run logs a progress line. <value>Default: 5 seconds.</value></summary>
    public TimeSpan ProgressInterval { get; set; } = CostSyncDefaults.ProgressInterval;
}
