using System.CommandLine;
using CostSync.Oci;

namespace CostSync.Commands.Parsing;

/// <summary>
/// Explains what System.CommandLine could not place: an option given to a command it does not belong to (and where it does
/// belong), an unknown option or command (with the closest known one), or a stray argument. One sentence per token.
/// </summary>
internal static class UnmatchedTokens
{
    public static IEnumerable<string> Explain(IReadOnlyList<string> tokens, Command command, CommandTree tree)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var name = OptionName(token);
            if (tree.IsRootOnly(name))
            {
                yield return name == "--once" ? "`--once` cannot be combined with a command." : $"`{name}` applies only without a command (`{tree.Root.Name} --once {name}`).";
                continue;
            }

            if (tree.WhereAllowed(name) is { } where)
            {
                yield return command != tree.Root && where.Contains($"`{command.Name}`", StringComparison.Ordinal)
                    ? $"`{name}` applies to {where}: put it after `{command.Name}`."
                    : $"`{name}` applies to {where}.";
                if (!token.Contains('=', StringComparison.Ordinal) && TakesValue(tree, name) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
                {
                    i++; // its value is no second problem
                }

                continue;
            }

            yield return Unknown(token, command, tree);
        }
    }

    private static string Unknown(string token, Command command, CommandTree tree)
    {
        var here = command == tree.Root ? string.Empty : $" for `{command.Name}`";
        if (token.StartsWith('-'))
        {
            var options = command.Options.Concat(tree.Root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).Select(o => o.Name);
            return ClosestName.Find(OptionName(token), options) is { } option
                ? $"Unknown option `{token}`{here}; did you mean `{option}`?"
                : $"Unknown option `{token}`{here}.";
        }

        if (command == tree.Root)
        {
            var commands = tree.Root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            return ClosestName.Find(token, commands) is { } known
                ? $"Unknown command `{token}`; did you mean `{known}`?"
                : $"Unknown command `{token}`; the commands are {string.Join(", ", commands.Select(c => $"`{c}`"))}.";
        }

        return $"Unexpected argument `{token}` for `{command.Name}`.";
    }

    private static string OptionName(string token)
    {
        var end = token.IndexOfAny(['=', ':']);
        return end > 0 ? token[..end] : token;
    }

    private static bool TakesValue(CommandTree tree, string name) =>
        tree.AllCommands().SelectMany(c => c.Options).Any(o => (o.Name == name || o.Aliases.Contains(name)) && o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0);
}
