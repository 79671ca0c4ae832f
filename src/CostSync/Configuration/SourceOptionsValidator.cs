using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the source namespace and filters.</summary>
internal sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    private const string Section = "CostSync:Source";

    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            problems.Add(ConfigProblem.Missing($"{Section}:Namespace", "(cost reports live in `bling`)", "bling"));
        }

        if (options.Bucket is { } bucket && bucket.Trim().Length > 0 && bucket.Any(char.IsWhiteSpace))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Bucket", bucket, "must not contain whitespace (leave it empty for the tenancy OCID)", "ocid1.tenancy.oc1..aaaa…"));
        }

        for (var i = 0; i < options.Include.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Include[i]))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:Include:{i}", options.Include[i], "is an empty pattern", "FOCUS Reports/**"));
            }
        }

        for (var i = 0; i < options.Exclude.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Exclude[i]))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:Exclude:{i}", options.Exclude[i], "is an empty pattern", "reports/cost-csv/**"));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
