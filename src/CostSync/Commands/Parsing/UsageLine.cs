using System.CommandLine;
using System.CommandLine.Help;

namespace CostSync.Commands.Parsing;

/// <summary>One line naming a command and every option it takes, e.g. <c>Usage: costsync list [--prefix &lt;P&gt;] [--json] [--config &lt;FILE&gt;]</c>.</summary>
internal static class UsageLine
{
    public static string For(Command command)
    {
        var path = command.Parents.OfType<Command>().Select(c => c.Name).Append(command.Name);
        var inherited = command.Parents.OfType<Command>().SelectMany(c => c.Options).Where(o => o.Recursive);
        var options = command.Options.Concat(inherited)
            .Where(o => !o.Hidden && o is not HelpOption && o.Name != "--version")
            .Select(o => TakesValue(o) ? $"[{o.Name} <{o.HelpName ?? "value"}>]" : $"[{o.Name}]");
        var subcommands = command.Subcommands.Any(c => !c.Hidden) ? new[] { "[command]" } : [];
        return $"Usage: {string.Join(' ', path.Concat(subcommands).Concat(options))}";
    }

    private static bool TakesValue(Option option) => option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
}
