using CostSync.Sync;

namespace CostSync.Hosting;

/// <summary>The result of <see cref="RunCoordinator.RunOnceAsync"/>.</summary>
internal sealed record RunOutcome(RunOutcomeKind Kind, SyncRunResult? Result = null, string? LockHolder = null);
