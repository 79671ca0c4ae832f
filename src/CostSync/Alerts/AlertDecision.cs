namespace CostSync.Alerts;

/// <summary>The state after a run and the alerts to send for it.</summary>
internal sealed record AlertDecision(AlertState State, IReadOnlyList<AlertKind> Alerts);
