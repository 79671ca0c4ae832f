using System.CommandLine;
using System.CommandLine.Invocation;

namespace CostSync.Commands.Parsing;

/// <summary><c>--version</c>: prints <see cref="BuildInfo"/> (version and commit), whatever else is on the line.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(BuildInfo.Current.ToString());
        return ExitCodes.Success;
    }
}
