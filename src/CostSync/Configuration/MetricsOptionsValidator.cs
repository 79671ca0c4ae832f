using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the textfile path, the OTLP endpoint and the OCI Monitoring compartment and namespace.</summary>
internal sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    private const string Section = "CostSync:Metrics";

    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var problems = new List<string>();
        if (options.TextfilePath is { Length: > 0 } path)
        {
            if (!path.EndsWith(".prom", StringComparison.Ordinal))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:TextfilePath", path, "must end in `.prom` (node_exporter's textfile collector reads only those files)", "/var/lib/costsync/metrics/costsync.prom"));
            }
            else if (!Path.IsPathFullyQualified(path))
            {
                problems.Add(ConfigProblem.Invalid($"{Section}:TextfilePath", path, "must be an absolute path (the folder node_exporter's `--collector.textfile.directory` reads)", "/var/lib/costsync/metrics/costsync.prom"));
            }
        }

        var otlp = options.Otlp;
        if (otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Otlp:Endpoint", endpoint, "is not an absolute http(s) URL", "http://127.0.0.1:4317"));
        }

        if (otlp.ExportInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:Otlp:ExportInterval", otlp.ExportInterval, "must be at least 1 second", "00:01:00"));
        }

        var oci = options.OciMonitoring;
        if (oci.CompartmentId is { Length: > 0 } compartment
            && !(compartment.StartsWith("ocid1.compartment.", StringComparison.Ordinal) || compartment.StartsWith("ocid1.tenancy.", StringComparison.Ordinal)))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:OciMonitoring:CompartmentId", compartment, "is not a compartment OCID (or the tenancy OCID for the root compartment)", "ocid1.compartment.oc1..aaaa…"));
        }

        if (!NamespacePattern().IsMatch(oci.Namespace ?? string.Empty)
            || oci.Namespace!.StartsWith("oci_", StringComparison.OrdinalIgnoreCase)
            || oci.Namespace.StartsWith("oracle_", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:OciMonitoring:Namespace", oci.Namespace, "must start with a letter, hold only letters, digits and underscores, and not start with `oci_` or `oracle_` (OCI's rule for custom metric namespaces)", CostSyncDefaults.MetricsNamespace));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamespacePattern();
}
