using System.CommandLine;
using System.CommandLine.Invocation;

namespace CostSync.Commands.Parsing;

/// <summary>
/// Parses CostSync's command line with System.CommandLine: answers <c>--help</c>, <c>--version</c> and completion requests
/// (<c>[suggest]</c>) itself, expands response files (<c>@FILE</c>), takes configuration overrides out, and explains every
/// token it cannot place.
/// </summary>
internal static class CostSyncCommandLine
{
    public static CommandLineOutcome Parse(IReadOnlyList<string> args, TextWriter output)
    {
        var tree = new CommandTree();
        var optionNames = tree.OptionNames;

        // Overrides go to the configuration, not to System.CommandLine: `--CostSync:Source:Bucket b` must not make `b` an argument.
        var (overrides, rest) = ConfigurationOverrides.Split(args, optionNames);
        var result = tree.Root.Parse(rest);
        if (result.Action is not (CommandTree.BindAction or ParseErrorAction))
        {
            // -h/--help, --version, help [command], [suggest]: printed, nothing else runs.
            return CommandLineOutcome.Answered(result.Invoke(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }));
        }

        // Overrides read from a response file arrive as tokens System.CommandLine did not match.
        var (fileOverrides, unmatched) = ConfigurationOverrides.Split(result.UnmatchedTokens, optionNames);
        var command = result.CommandResult.Command;
        var errors = result.Errors.Select(e => e.Message)
            .Where(m => !result.UnmatchedTokens.Any(t => m == Unrecognized(t))) // said better below, or an override
            .Concat(UnmatchedTokens.Explain(unmatched, command, tree))
            .Concat(tree.Check(result))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (errors.Count > 0)
        {
            return CommandLineOutcome.Invalid(string.Join(" ", errors), UsageLine.For(command));
        }

        return CommandLineOutcome.Run(tree.Bind(result) with { ConfigArgs = [.. overrides, .. fileOverrides] });
    }

    /// <summary>System.CommandLine's own error for a token it could not place (its wording, read once from a probe parse).</summary>
    private static string Unrecognized(string token) => UnrecognizedTemplate.Value.Replace(ProbeToken, token, StringComparison.Ordinal);

    private const string ProbeToken = "costsync-probe-token";

    private static readonly Lazy<string> UnrecognizedTemplate = new(() => new Command("probe").Parse([ProbeToken]).Errors.Single().Message);
}
