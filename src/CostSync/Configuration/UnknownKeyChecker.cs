using CostSync.Oci;
using Microsoft.Extensions.Configuration;

namespace CostSync.Configuration;

/// <summary>
/// Refuses keys under <c>CostSync</c> that no options class binds (a typo such as <c>Destination:Prefx</c> would
/// otherwise fall back to a default silently), naming the key, where it was set and the closest known key.
/// Only the <c>CostSync</c> section is checked; <c>Serilog</c> and other sections are not CostSync's.
/// </summary>
internal static class UnknownKeyChecker
{
    public static IReadOnlyList<string> Check(IConfiguration configuration, IEnumerable<(string Section, Type Type)> sections)
    {
        const string Root = CostSyncDefaults.SectionName;
        var schema = KeySchema.Build(Root, sections);
        var problems = new List<string>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in configuration.GetSection(Root).AsEnumerable().Select(pair => pair.Key).Order(StringComparer.OrdinalIgnoreCase))
        {
            var segments = key.Split(':');
            var node = schema;
            for (var i = 1; i < segments.Length; i++)
            {
                var child = node.Child(segments[i]);
                if (child is null)
                {
                    var unknown = string.Join(':', segments.Take(i + 1));
                    if (reported.Add(unknown))
                    {
                        problems.Add(Describe(unknown, segments[i], node, configuration));
                    }

                    break;
                }

                node = child;
            }
        }

        return problems;
    }

    private static string Describe(string key, string segment, KeySchema parent, IConfiguration configuration)
    {
        var parentKey = key[..key.LastIndexOf(':')];
        var origin = KeyOrigin.Describe(configuration, key) is { } where ? $" ({where})" : string.Empty;
        var hint = parent.Shape switch
        {
            KeyShape.Value => $"`{parentKey}` takes a single value, not sub-keys.",
            KeyShape.List => $"`{parentKey}` is a list: its items are `{parentKey}:0`, `{parentKey}:1`, ….",
            _ when ClosestName.Find(segment, parent.ChildNames) is { } closest => $"did you mean `{closest}` (`{parentKey}:{closest}`)?",
            _ => $"the keys known in `{parentKey}` are {string.Join(", ", parent.ChildNames.Select(n => $"`{n}`"))}.",
        };
        return $"`{key}`{origin} is not a known setting; {hint} Unknown keys are refused so that a typo never falls back to a default silently: rename or remove it.";
    }
}
