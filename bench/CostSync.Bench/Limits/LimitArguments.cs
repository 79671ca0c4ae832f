using System.Globalization;

namespace CostSync.Bench.Limits;

/// <summary>The <c>--name value</c> pairs of a limit subcommand.</summary>
internal sealed class LimitArguments(IReadOnlyList<string> args)
{
    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "--" + name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public int Int(string name, int fallback) => Optional(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
