using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the host-wide durations and the state directory.</summary>
internal sealed class CostSyncOptionsValidator : IValidateOptions<CostSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, CostSyncOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            problems.Add(ConfigProblem.Missing("CostSync:StateDirectory", "(the lock file and run state live there)", CostSyncDefaults.StateDirectory));
        }

        if (options.RunTimeout < TimeSpan.FromMinutes(1))
        {
            problems.Add(ConfigProblem.Invalid("CostSync:RunTimeout", options.RunTimeout, "must be at least 1 minute", "12:00:00"));
        }

        if (options.ProgressInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add(ConfigProblem.Invalid("CostSync:ProgressInterval", options.ProgressInterval, "must be at least 1 second", "00:00:05"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
