namespace CostSync.Configuration;

/// <summary>Every default of the host's own settings, in one place.</summary>
internal static class CostSyncDefaults
{
    public const string SectionName = "CostSync";
    public const string StateDirectory = "/var/lib/costsync";
    public const string SystemConfigFile = "/etc/costsync/appsettings.json";
    public const string LogDirectory = "/var/log/costsync/";
    public const string Cron = "0 */6 * * *";
    public const string TimeZone = "UTC";
    public const int RetainedLogFiles = 14;
    public const int LogFileSizeLimitMiB = 100;
    public const string MetricsNamespace = "costsync";

    public static readonly TimeSpan RunTimeout = TimeSpan.FromHours(12);
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan AlertRepeatEvery = TimeSpan.FromHours(24);
    public static readonly TimeSpan AlertStaleAfter = TimeSpan.FromHours(36);
    public static readonly TimeSpan OtlpExportInterval = TimeSpan.FromSeconds(60);
}
