using System.Text.RegularExpressions;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the destination: bucket or folder per kind, prefix, mirror guard, encryption, Object Lock.</summary>
internal sealed partial class DestinationOptionsValidator : IValidateOptions<DestinationOptions>
{
    private const string Section = "CostSync:Destination";
    private const int MaxRetainDays = 36500;

    public ValidateOptionsResult Validate(string? name, DestinationOptions options)
    {
        var problems = new List<string>();
        if (options.Kind == DestinationKind.S3)
        {
            if (string.IsNullOrWhiteSpace(options.Bucket))
            {
                problems.Add(ConfigProblem.Missing($"{Section}:Bucket", "when Kind = S3", "my-cost-reports"));
            }
            else if (!BucketName().IsMatch(options.Bucket))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:Bucket", options.Bucket, "is not an S3 bucket name (3-63 characters: lowercase letters, digits, dots, hyphens)", "my-cost-reports"));
            }

            if (string.IsNullOrWhiteSpace(options.Region))
            {
                problems.Add(ConfigProblem.Missing($"{Section}:Region", "when Kind = S3", "eu-central-1"));
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Path))
        {
            problems.Add(ConfigProblem.Missing($"{Section}:Path", "when Kind = Directory", "/srv/cost-reports"));
        }

        if (options.Prefix is { } prefix && (prefix.StartsWith('/') || prefix.Contains("//", StringComparison.Ordinal)))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Prefix", prefix, "must not start with `/` or contain `//`", "oci/cost-reports"));
        }
        else if (options.Prefix is { Length: > 0 } relative && relative.TrimEnd('/').Split('/') is var segments
            && segments.FirstOrDefault(s => s is "." or ".." || s.Length == 0 || s.Trim().Length == 0) is { } bad)
        {
            // `..` would climb out of the folder (Directory) or make keys S3 tools resolve differently; `.` and blank segments are never meant.
            var what = bad switch { ".." => "a `..` segment", "." => "a `.` segment", _ => "an empty or blank segment" };
            problems.Add(ConfigProblem.Invalid($"{Section}:Prefix", relative, $"contains {what}; every `/`-separated part must be a plain folder name", "oci/cost-reports"));
        }

        if (options.MirrorMaxDeleteShare is < 0 or > 1 || double.IsNaN(options.MirrorMaxDeleteShare))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:MirrorMaxDeleteShare", options.MirrorMaxDeleteShare, "must be a share between 0 and 1", "0.1"));
        }

        if (options.ServerSideEncryption is { Length: > 0 } sse && sse is not ("AES256" or "aws:kms"))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:ServerSideEncryption", sse, "must be empty, `AES256` or `aws:kms`", "AES256"));
        }

        if (options.MaxRetryAttempts is < 0 or > 20)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:MaxRetryAttempts", options.MaxRetryAttempts, "must be between 0 and 20", "4"));
        }

        if (options.AbortIncompleteUploadsAfter <= TimeSpan.Zero)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:AbortIncompleteUploadsAfter", options.AbortIncompleteUploadsAfter, "must be positive", "1.00:00:00"));
        }

        problems.AddRange(ObjectLock(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Object Lock: both values or neither, a retention S3 accepts, and an S3 destination (a folder cannot lock its files).</summary>
    private static IEnumerable<string> ObjectLock(DestinationOptions options)
    {
        const string Key = $"{Section}:ObjectLock";
        var (mode, days) = (options.ObjectLock.Mode, options.ObjectLock.RetainDays);
        if (mode is null && days is null)
        {
            yield break;
        }

        if (options.Kind != DestinationKind.S3)
        {
            // One problem, naming the key that is set: the fix is to remove the section, not to complete it.
            (string setKey, object value, string example) = mode is { } setMode
                ? ($"{Key}:Mode", setMode, "Compliance")
                : ($"{Key}:RetainDays", (object)days!, "2557 (7 years)");
            yield return ConfigProblem.Invalid(setKey, value, $"applies only to Kind = S3 (a Directory destination cannot lock its files); remove `{Key}` or use an S3 bucket with Object Lock", example);
            yield break;
        }

        if (mode is null)
        {
            yield return ConfigProblem.Missing($"{Key}:Mode", $"when `{Key}:RetainDays` is set (`Governance` or `Compliance`)", "Compliance");
        }

        if (days is null)
        {
            yield return ConfigProblem.Missing($"{Key}:RetainDays", $"when `{Key}:Mode` is set (days each object is kept from its write)", "2557 (7 years)");
        }
        else if (days is < 1 or > MaxRetainDays)
        {
            yield return ConfigProblem.Invalid($"{Key}:RetainDays", days, $"must be between 1 and {MaxRetainDays} days (100 years)", "2557 (7 years)");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
