namespace CostSync.Configuration;

/// <summary>When the daemon runs; bound from <c>CostSync:Schedule</c>.</summary>
internal sealed class ScheduleOptions
{
    /// <summary>A 5-field cron expression, or 6 fields with seconds first. <value>Default: <c>0 */6 * * *</c>.</value></summary>
    public string Cron { get; set; } = CostSyncDefaults.Cron;

    /// <summary>The time zone the expression is read in (IANA id). <value>Default: <c>UTC</c>.</value></summary>
    public string TimeZone { get; set; } = CostSyncDefaults.TimeZone;
}
