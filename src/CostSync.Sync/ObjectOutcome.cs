namespace CostSync.Sync;

/// <summary>What happened to one object in a run.</summary>
/// <param name="Name">The source object name.</param>
/// <param name="Action">What the plan said to do.</param>
/// <param name="Succeeded">True when the action completed and was verified.</param>
/// <param name="Bytes">Bytes copied (0 when skipped).</param>
/// <param name="Error">Why it failed, for people; never holds secrets.</param>
public sealed record ObjectOutcome(string Name, PlannedAction Action, bool Succeeded, long Bytes, string? Error);
