using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks transfer sizes and concurrency, including that one part fits the memory budget.</summary>
internal sealed class TransferOptionsValidator : IValidateOptions<TransferOptions>
{
    private const string Section = "CostSync:Transfer";

    public ValidateOptionsResult Validate(string? name, TransferOptions options)
    {
        var problems = new List<string>();
        Check(problems, "PartSizeMiB", options.PartSizeMiB, 5, 5120, "16", "S3 parts are 5 MiB to 5 GiB");
        Check(problems, "MultipartThresholdMiB", options.MultipartThresholdMiB, 5, 5120, "64", "single PUTs stay under 5 GiB");
        Check(problems, "MemoryBudgetMiB", options.MemoryBudgetMiB, 5, 65536, "256", "part buffers live in memory");
        Check(problems, "MaxConcurrentObjects", options.MaxConcurrentObjects, 1, 64, "4", "objects copied at once");
        Check(problems, "MaxConcurrentParts", options.MaxConcurrentParts, 1, 64, "4", "parts of one object at once");
        Check(problems, "MaxAttempts", options.MaxAttempts, 1, 10, "3", "attempts per object");
        if (options.StallTimeout < TimeSpan.FromSeconds(1) || options.StallTimeout > TimeSpan.FromHours(1))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:StallTimeout", options.StallTimeout, "must be between 1 second and 1 hour (how long a source body may deliver no bytes before the attempt is aborted)", "00:01:00"));
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:RetryDelay", options.RetryDelay, "must be between 0 and 10 minutes (the pause before an object's next attempt)", "00:00:01"));
        }

        if (options.PartSizeMiB >= 5 && options.MemoryBudgetMiB >= 5 && options.MemoryBudgetMiB < options.PartSizeMiB)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:MemoryBudgetMiB", options.MemoryBudgetMiB, $"must hold at least one part (PartSizeMiB = {options.PartSizeMiB})", (options.PartSizeMiB * 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, string key, int value, int min, int max, string example, string why)
    {
        if (value < min || value > max)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:{key}", value, $"must be between {min} and {max} ({why})", example));
        }
    }
}
