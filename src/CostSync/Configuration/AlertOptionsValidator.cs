using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the topic OCID and the alert intervals.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    private const string Section = "CostSync:Alerts";

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TopicId) && !options.TopicId.StartsWith("ocid1.", StringComparison.Ordinal))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:TopicId", options.TopicId, "is not an OCID (it starts with `ocid1.onstopic.`)", "ocid1.onstopic.oc1.iad.aaaa…"));
        }

        if (options.RepeatEvery < TimeSpan.FromMinutes(1))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:RepeatEvery", options.RepeatEvery, "must be at least 1 minute", "1.00:00:00 (24 hours)"));
        }

        if (options.StaleAfter < TimeSpan.FromHours(1))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:StaleAfter", options.StaleAfter, "must be at least 1 hour (OCI publishes reports a few times a day)", "1.12:00:00 (36 hours)"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
