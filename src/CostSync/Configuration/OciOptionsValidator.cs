using CostSync.Oci;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the OCI principal settings and the endpoint overrides.</summary>
internal sealed class OciOptionsValidator : IValidateOptions<OciOptions>
{
    private const string Section = "CostSync:Oci";

    public ValidateOptionsResult Validate(string? name, OciOptions options)
    {
        var problems = new List<string>();
        if (options.Auth != OciAuthMode.InstancePrincipal && options.ConfigFile is { Length: > 0 } file && !File.Exists(ExpandHome(file)))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:ConfigFile", file, $"does not exist (Auth = {options.Auth} reads the API key profile from it)", "/home/opc/.oci/config"));
        }

        if (options.Region is { Length: > 0 } region && (region.Any(char.IsWhiteSpace) || region.Any(char.IsUpper)))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Region", region, "is not a region identifier (lowercase, no spaces)", "us-ashburn-1"));
        }

        if (options.TenancyId is { Length: > 0 } tenancy && !tenancy.StartsWith("ocid1.tenancy.", StringComparison.Ordinal))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:TenancyId", tenancy, "is not a tenancy OCID", "ocid1.tenancy.oc1..aaaa…"));
        }

        var endpoints = options.Endpoints;
        foreach (var (key, uri) in new[] { ("ObjectStorage", endpoints.ObjectStorage), ("Secrets", endpoints.Secrets), ("Notifications", endpoints.Notifications), ("Auth", endpoints.Auth), ("Metadata", endpoints.Metadata), ("TelemetryIngestion", endpoints.TelemetryIngestion) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:Endpoints:{key}", uri, "is not an absolute http(s) URL", "https://objectstorage.us-ashburn-1.oraclecloud.com"));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
