using CostSync.Sync.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>With Vault credentials and an S3 destination: either one JSON secret or the two key secrets, not both.</summary>
internal sealed class CredentialsOptionsValidator(IConfiguration configuration) : IValidateOptions<CredentialsOptions>
{
    private const string Section = "CostSync:Destination:Credentials";

    public ValidateOptionsResult Validate(string? name, CredentialsOptions options)
    {
        // Read the kind directly: the destination section has its own validator and may be invalid itself.
        var kind = Enum.TryParse<DestinationKind>(configuration["CostSync:Destination:Kind"], ignoreCase: true, out var parsed) ? parsed : DestinationKind.S3;
        if (options.Source != CredentialsSource.OciVault || kind != DestinationKind.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        var hasJson = !string.IsNullOrWhiteSpace(options.SecretId);
        var hasAccess = !string.IsNullOrWhiteSpace(options.AccessKeySecretId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.SecretKeySecretId);
        if (hasJson && (hasAccess || hasSecret))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:SecretId", options.SecretId, "is set together with AccessKeySecretId/SecretKeySecretId; use either one JSON secret or the two key secrets", "ocid1.vaultsecret.oc1.iad.aaaa…"));
        }
        else if (!hasJson && !hasAccess && !hasSecret)
        {
            problems.Add(ConfigProblem.Missing($"{Section}:AccessKeySecretId", "with Source = OciVault (or set SecretId to one JSON secret, or Source = Environment | Default)", "ocid1.vaultsecret.oc1.iad.aaaa…"));
            problems.Add(ConfigProblem.Missing($"{Section}:SecretKeySecretId", "with Source = OciVault", "ocid1.vaultsecret.oc1.iad.bbbb…"));
        }
        else if (!hasJson && !hasAccess)
        {
            problems.Add(ConfigProblem.Missing($"{Section}:AccessKeySecretId", "when SecretKeySecretId is set", "ocid1.vaultsecret.oc1.iad.aaaa…"));
        }
        else if (!hasJson && !hasSecret)
        {
            problems.Add(ConfigProblem.Missing($"{Section}:SecretKeySecretId", "when AccessKeySecretId is set", "ocid1.vaultsecret.oc1.iad.bbbb…"));
        }

        foreach (var (key, value) in new[] { ("SecretId", options.SecretId), ("AccessKeySecretId", options.AccessKeySecretId), ("SecretKeySecretId", options.SecretKeySecretId) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith("ocid1.", StringComparison.Ordinal))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:{key}", value, "is not a secret OCID", "ocid1.vaultsecret.oc1.iad.aaaa…"));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
