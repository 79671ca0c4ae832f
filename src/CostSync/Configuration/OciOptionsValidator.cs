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
            var rule = Directory.Exists(ExpandHome(file))
                ? $"is a folder, not the OCI config file (Auth = {options.Auth} reads the API key profile from the file, usually `config` inside it)"
                : $"does not exist (Auth = {options.Auth} reads the API key profile from it)";
            problems.Add(ConfigProblem.Invalid($"{Section}:ConfigFile", file, rule, "/home/opc/.oci/config"));
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
        foreach (var (key, uri, carries, example) in new[]
        {
            ("ObjectStorage", endpoints.ObjectStorage, "the cost reports", "https://objectstorage.us-ashburn-1.oraclecloud.com"),
            ("Secrets", endpoints.Secrets, "the AWS keys read from Vault", "https://secrets.vaults.us-ashburn-1.oci.oraclecloud.com"),
            ("Notifications", endpoints.Notifications, "the alerts", "https://notification.us-ashburn-1.oraclecloud.com"),
            ("Auth", endpoints.Auth, "the instance's security tokens", "https://auth.us-ashburn-1.oraclecloud.com"),
            ("Metadata", endpoints.Metadata, null, "http://169.254.169.254/opc/v2/"),
            ("TelemetryIngestion", endpoints.TelemetryIngestion, "the run metrics", "https://telemetry-ingestion.us-ashburn-1.oraclecloud.com"),
        })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:Endpoints:{key}", uri, "is not an absolute http(s) URL", example));
            }
            else if (uri is not null && carries is not null && uri.Scheme == "http" && !uri.IsLoopback)
            {
                // Plain http would expose what the endpoint carries to the network; an emulator on loopback is the one exception.
                problems.Add(ConfigProblem.Invalid($"{Section}:Endpoints:{key}", uri, $"must use https:// (it carries {carries}; plain http is allowed only for a loopback host such as a local emulator)", example));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
