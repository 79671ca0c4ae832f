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
    /// <remarks><c>verify</c> prints its lines between the progress log lines, so its logs stay on standard output unless it prints JSON.</remarks>
    public bool PrintsResult => Command is CommandKind.List or CommandKind.Doctor or CommandKind.Demo || DryRun || (Command == CommandKind.Verify && Json);

    /// <summary><c>verify --sample PERCENT</c>: read back this share (0–100] of the archived objects; all when null.</summary>
    public double? SamplePercent { get; init; }

    /// <summary><c>verify --seed N</c>: the sample's seed, to repeat an earlier sample; random (and printed) when null.</summary>
    public int? Seed { get; init; }

    /// <summary><c>verify --against-source</c>: also compare the archive with the source listing.</summary>
    public bool AgainstSource { get; init; }
}
