using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the log file limits.</summary>
internal sealed class LoggingOptionsValidator : IValidateOptions<LoggingOptions>
{
    private const string Section = "CostSync:Logging";

    public ValidateOptionsResult Validate(string? name, LoggingOptions options)
    {
        var problems = new List<string>();
        if (options.RetainedFileCount < 1)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:RetainedFileCount", options.RetainedFileCount, "must be at least 1", "14"));
        }

        if (options.FileSizeLimitMiB < 1)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:FileSizeLimitMiB", options.FileSizeLimitMiB, "must be at least 1", "100"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
