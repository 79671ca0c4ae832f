namespace CostSync.Logging;

/// <summary>What host construction wants logged once configuration is known to be valid.</summary>
internal sealed record StartupNotes(string? LogFileWarning);
