namespace CostSync.Configuration;

/// <summary>Log files; bound from <c>CostSync:Logging</c>.</summary>
internal sealed class LoggingOptions
{
    /// <summary>Directory of the daily rolling log file; empty for console only. <value>Default: <c>/var/log/costsync/</c>.</value></summary>
    public string? Path { get; set; } = CostSyncDefaults.LogDirectory;

    /// <summary>Write the file as compact JSON (one event per line) instead of text. <value>Default: false.</value></summary>
    public bool Json { get; set; }

    /// <summary>Daily files kept. <value>Default: 14.</value></summary>
    public int RetainedFileCount { get; set; } = CostSyncDefaults.RetainedLogFiles;

    /// <summary>A file that reaches this size rolls over to a new one, in MiB. <value>Default: 100.</value></summary>
    public int FileSizeLimitMiB { get; set; } = CostSyncDefaults.LogFileSizeLimitMiB;
}
