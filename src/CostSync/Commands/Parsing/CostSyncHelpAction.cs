using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace CostSync.Commands.Parsing;

/// <summary><c>-h</c>/<c>--help</c>: System.CommandLine's help for the command given, plus, for CostSync itself, overrides, response files and exit codes.</summary>
internal sealed class CostSyncHelpAction : SynchronousCommandLineAction
{
    private const string RootNotes = """
        Configuration overrides (anywhere on the line; they win over every other source):
          --CostSync:Section:Key=value  e.g. --CostSync:Destination:Bucket=my-bucket
          --CostSync:Section:Key value

        Response files: @FILE reads more arguments from FILE (one or more per line; a line that starts with # is a comment).

        Exit codes: 0 success, 1 failed, 2 invalid configuration or usage, 3 partially failed, 4 another run holds the lock.
        """;

    private readonly HelpAction _help = new();

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = _help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(RootNotes);
        }

        return exitCode;
    }
}
