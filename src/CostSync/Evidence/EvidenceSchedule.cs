namespace CostSync.Evidence;

/// <summary>The configured schedule (cron and time zone) and the next scheduled run after this one, when there is one.</summary>
internal sealed record EvidenceSchedule(string Cron, string TimeZone, DateTimeOffset? NextRun);
