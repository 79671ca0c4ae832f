namespace CostSync.Alerts;

/// <summary>What the alerting remembers across runs and restarts (<c>alert-state.json</c>).</summary>
/// <param name="FailureSince">Start of the current failure streak; null while runs succeed.</param>
/// <param name="FailedRuns">Runs in the current failure streak.</param>
/// <param name="LastFailureAlertAt">When the last failure alert of this streak went out.</param>
/// <param name="StaleSince">When the source was first seen stale; null while it is fresh.</param>
/// <param name="LastStaleAlertAt">When the last freshness alert went out.</param>
/// <param name="NothingListedSince">When runs started to list no source object; null while they list some.</param>
/// <param name="LastNothingListedAlertAt">When the last "nothing listed" alert went out.</param>
internal sealed record AlertState(
    DateTimeOffset? FailureSince,
    int FailedRuns,
    DateTimeOffset? LastFailureAlertAt,
    DateTimeOffset? StaleSince,
    DateTimeOffset? LastStaleAlertAt,
    DateTimeOffset? NothingListedSince = null,
    DateTimeOffset? LastNothingListedAlertAt = null)
{
    public static AlertState Initial { get; } = new(null, 0, null, null, null);
}
