using System.Globalization;
using System.Text.RegularExpressions;

namespace CostSync.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4) as node_exporter's textfile collector accepts it:
/// every line is a HELP, a TYPE or a sample; one HELP and one TYPE per family, before its samples; valid metric and
/// label names; counters end in <c>_total</c>; numeric values; no duplicate series; a final newline. Throws on any violation.
/// </summary>
internal static partial class PrometheusText
{
    public static IReadOnlyDictionary<string, PrometheusFamily> Parse(string text)
    {
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("The file must end with a newline.");
        }

        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lineNumber = 0;
        foreach (var line in text[..^1].Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"Line {lineNumber}: empty lines and CR are not allowed.");
            }

            if (HelpLine().Match(line) is { Success: true } help)
            {
                var name = help.Groups["name"].Value;
                if (families.ContainsKey(name))
                {
                    throw new FormatException($"Line {lineNumber}: a second HELP for {name} (or HELP after its samples).");
                }

                families[name] = new PrometheusFamily(name, help.Groups["help"].Value, null, []);
                current = name;
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } type)
            {
                var name = type.Groups["name"].Value;
                if (name != current || families[name].Type is not null || families[name].Samples.Count > 0)
                {
                    throw new FormatException($"Line {lineNumber}: TYPE {name} must follow its HELP, once, before any sample.");
                }

                if (type.Groups["type"].Value == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
                {
                    throw new FormatException($"Line {lineNumber}: counter {name} must end in _total.");
                }

                families[name] = families[name] with { Type = type.Groups["type"].Value };
                continue;
            }

            if (SampleLine().Match(line) is not { Success: true } sample)
            {
                throw new FormatException($"Line {lineNumber}: not a HELP, TYPE or sample line: `{line}`.");
            }

            var metric = sample.Groups["name"].Value;
            if (metric != current || families[metric].Type is null)
            {
                throw new FormatException($"Line {lineNumber}: sample {metric} outside its family (HELP and TYPE must come first).");
            }

            var labels = ParseLabels(sample.Groups["labels"].Value, lineNumber);
            if (!series.Add(metric + "{" + string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}"))
            {
                throw new FormatException($"Line {lineNumber}: duplicate series {metric}.");
            }

            if (!double.TryParse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"Line {lineNumber}: `{sample.Groups["value"].Value}` is not a number.");
            }

            families[metric].Samples.Add(new PrometheusSample(labels, value));
        }

        var empty = families.Values.FirstOrDefault(f => f.Type is null || f.Samples.Count == 0);
        return empty is null ? families : throw new FormatException($"Family {empty.Name} has no TYPE or no sample.");
    }

    private static Dictionary<string, string> ParseLabels(string text, int lineNumber)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Length == 0)
        {
            return labels;
        }

        foreach (Match label in LabelPair().Matches(text[1..^1]))
        {
            if (!labels.TryAdd(label.Groups["name"].Value, label.Groups["value"].Value))
            {
                throw new FormatException($"Line {lineNumber}: label {label.Groups["name"].Value} twice.");
            }
        }

        var rebuilt = "{" + string.Join(',', labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
        return rebuilt == text ? labels : throw new FormatException($"Line {lineNumber}: malformed labels `{text}`.");
    }

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<help>\S.*)$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex LabelPair();
}
