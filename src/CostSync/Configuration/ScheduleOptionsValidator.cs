using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the cron expression and the time zone.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    private const string Section = "CostSync:Schedule";

    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var problems = new List<string>();
        if (!CronText.TryParse(options.Cron, out _, out var rule))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Cron", options.Cron, rule, CostSyncDefaults.Cron));
        }

        if (!CronText.TryFindTimeZone(options.TimeZone, out _))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:TimeZone", options.TimeZone, "is not a known time zone (an IANA id is expected)", "Europe/Berlin"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
