using CostSync.Sync;

namespace CostSync.State;

/// <summary>What the daemon remembers about runs across restarts (<c>last-run.json</c>).</summary>
internal sealed record RunHistory(string? LastRunId, DateTimeOffset? LastRunAt, SyncRunStatus? LastStatus, DateTimeOffset? LastSuccessfulRunAt);
