using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the cron expression (including that it ever fires) and the time zone.</summary>
internal sealed class ScheduleOptionsValidator(TimeProvider timeProvider) : IValidateOptions<ScheduleOptions>
{
    private const string Section = "CostSync:Schedule";

    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var problems = new List<string>();
        var zoneKnown = CronText.TryFindTimeZone(options.TimeZone, out var zone);
        if (!CronText.TryParse(options.Cron, out var cron, out var rule))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Cron", options.Cron, rule, CostSyncDefaults.Cron));
        }
        else if (cron.GetNextOccurrence(timeProvider.GetUtcNow(), zone ?? TimeZoneInfo.Utc) is null)
        {
            // A valid expression can still name a date that never comes (31 February): the daemon would never run.
            problems.Add(ConfigProblem.Invalid($"{Section}:Cron", options.Cron, "never fires (it names a date that does not exist, such as 31 February or 30 February); the daemon would never run", CostSyncDefaults.Cron));
        }

        if (!zoneKnown)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:TimeZone", options.TimeZone, "is not a known time zone (an IANA id is expected)", "Europe/Berlin"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
