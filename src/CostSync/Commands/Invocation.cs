namespace CostSync.Commands;

/// <summary>The parsed command line; <c>ConfigArgs</c> are configuration overrides (<c>--CostSync:Section:Key=value</c>) for the command-line configuration source.</summary>
internal sealed record Invocation(
    CommandKind Command,
    bool DryRun = false,
    bool Json = false,
    string? Prefix = null,
    bool SendTestAlert = false,
    string? ConfigFile = null,
    IReadOnlyList<string>? ConfigArgs = null)
{
    /// <summary>Commands whose standard output is a result (table, JSON, plan); logs then go to standard error.</summary>
    public bool PrintsResult => Command is CommandKind.List or CommandKind.Doctor or CommandKind.Demo || DryRun;
}
