namespace CostSync.Logging;

/// <summary>Where the rolling log file is written, if anywhere (quoted in alerts).</summary>
internal sealed record LogFileLocation(string? FilePattern)
{
    public static LogFileLocation None { get; } = new((string?)null);
}
