namespace CostSync.Commands.Parsing;

/// <summary>
/// Picks configuration overrides out of a command line: <c>--Section:Key=value</c> and <c>--Section:Key value</c> (e.g.
/// <c>--CostSync:Destination:Bucket=b</c>), anywhere on the line, for the command-line configuration source.
/// </summary>
/// <remarks>
/// A token is an override when it starts with <c>--</c>, its name (before any <c>=</c>) holds a <c>:</c>, and the part before
/// that <c>:</c> is not one of CostSync's options, so <c>--config:/etc/costsync/a.json</c> stays the <c>--config</c> option.
/// </remarks>
internal static class ConfigurationOverrides
{
    /// <summary>Splits <paramref name="tokens"/> into overrides (with the value that follows a <c>--Section:Key</c> without <c>=</c>) and the rest, in order.</summary>
    public static (List<string> Overrides, List<string> Others) Split(IReadOnlyList<string> tokens, IReadOnlySet<string> optionNames)
    {
        var overrides = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsOverride(token, optionNames))
            {
                rest.Add(token);
                continue;
            }

            overrides.Add(token);
            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count)
            {
                overrides.Add(tokens[++i]);
            }
        }

        return (overrides, rest);
    }

    private static bool IsOverride(string token, IReadOnlySet<string> optionNames)
    {
        if (token.Length <= 2 || !token.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? token : token[..equals];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 2 && !optionNames.Contains(name[..colon]);
    }
}
