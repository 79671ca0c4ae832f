using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CostSync.OciEmulator.Monitoring;

/// <summary>OCI Monitoring's input rules for one metric object: names, namespace prefixes, dimensions, timestamps within the accepted window.</summary>
internal static partial class MetricDataValidator
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(2);
    private static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    /// <summary>Parses and checks <paramref name="element"/>; returns the metric or null with the reason.</summary>
    public static PostedMetric? TryRead(JsonElement element, DateTimeOffset now, out string? error)
    {
        error = null;
        string? ns = Text(element, "namespace");
        string? compartment = Text(element, "compartmentId");
        string? name = Text(element, "name");
        string? group = Text(element, "resourceGroup");
        if (ns is null || !NamespacePattern().IsMatch(ns) || ns.StartsWith("oci_", StringComparison.OrdinalIgnoreCase) || ns.StartsWith("oracle_", StringComparison.OrdinalIgnoreCase))
        {
            error = $"namespace '{ns}' must start with a letter, hold only letters, digits and underscores, and not start with oci_ or oracle_";
        }
        else if (string.IsNullOrEmpty(compartment))
        {
            error = "compartmentId is required";
        }
        else if (name is null || !NamePattern().IsMatch(name))
        {
            error = $"name '{name}' must start with a letter and hold only letters, digits, '.', '_', '-' and '$'";
        }
        else if (group is not null && !NamePattern().IsMatch(group))
        {
            error = $"resourceGroup '{group}' must start with a letter and hold only letters, digits, '.', '_', '-' and '$'";
        }

        Dictionary<string, string> dimensions = ReadDimensions(element, ref error);
        List<PostedDatapoint> datapoints = ReadDatapoints(element, now, ref error);
        return error is null ? new PostedMetric(ns!, compartment!, name!, group, dimensions, datapoints) : null;
    }

    private static Dictionary<string, string> ReadDimensions(JsonElement element, ref string? error)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty("dimensions", out JsonElement d) || d.ValueKind != JsonValueKind.Object)
        {
            error ??= "dimensions are required (at least one)";
            return dimensions;
        }

        foreach (JsonProperty property in d.EnumerateObject())
        {
            if (property.Name.Length == 0 || property.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(property.Value.GetString()))
            {
                error ??= $"dimension '{property.Name}' needs a non-empty string value";
                continue;
            }

            dimensions[property.Name] = property.Value.GetString()!;
        }

        if (dimensions.Count == 0)
        {
            error ??= "dimensions are required (at least one)";
        }

        return dimensions;
    }

    private static List<PostedDatapoint> ReadDatapoints(JsonElement element, DateTimeOffset now, ref string? error)
    {
        var datapoints = new List<PostedDatapoint>();
        if (!element.TryGetProperty("datapoints", out JsonElement list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            error ??= "datapoints are required (at least one)";
            return datapoints;
        }

        foreach (JsonElement point in list.EnumerateArray())
        {
            string? stamp = Text(point, "timestamp");
            if (stamp is null || !DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp))
            {
                error ??= $"datapoint timestamp '{stamp}' is not RFC 3339";
                continue;
            }

            if (timestamp < now - MaxAge || timestamp > now + MaxAhead)
            {
                error ??= $"datapoint timestamp {stamp} is outside the accepted window (2 hours back, 10 minutes ahead)";
                continue;
            }

            if (!point.TryGetProperty("value", out JsonElement value) || value.ValueKind != JsonValueKind.Number)
            {
                error ??= "datapoint value must be a number";
                continue;
            }

            int count = point.TryGetProperty("count", out JsonElement c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 1;
            datapoints.Add(new PostedDatapoint(timestamp, value.GetDouble(), count));
        }

        return datapoints;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._\-$]*$")]
    private static partial Regex NamePattern();
}
