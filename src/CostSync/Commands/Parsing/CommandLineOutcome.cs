namespace CostSync.Commands.Parsing;

/// <summary>What the command line asks for: a command to run, an answer already printed (help, version, completions), or a usage error.</summary>
internal sealed record CommandLineOutcome
{
    private CommandLineOutcome()
    {
    }

    /// <summary>The command to run; null when the parser already answered or the line is wrong.</summary>
    public Invocation? Invocation { get; private init; }

    /// <summary>The exit code when the parser answered by itself (help, <c>--version</c>, completions) or the line is wrong.</summary>
    public int ExitCode { get; private init; }

    /// <summary>What is wrong with the line (one sentence per problem, each with what to do); null when nothing is.</summary>
    public string? Error { get; private init; }

    /// <summary>The usage line of the command the error is about, e.g. <c>Usage: costsync list [--prefix &lt;P&gt;] [--json]</c>.</summary>
    public string? Usage { get; private init; }

    public static CommandLineOutcome Run(Invocation invocation) => new() { Invocation = invocation };

    public static CommandLineOutcome Answered(int exitCode) => new() { ExitCode = exitCode };

    public static CommandLineOutcome Invalid(string error, string usage) => new() { ExitCode = ExitCodes.InvalidConfiguration, Error = error, Usage = usage };
}
