using CostSync.Sync;

namespace CostSync.Alerts;

/// <summary>
/// The alert state machine: the first failure of a streak alerts, then at most once per repeat interval while it
/// lasts; the first success after it sends one recovery; a stale source alerts at most once per repeat interval; so
/// does a successful run that listed no source object. Reports with invalid content or
/// new columns alert with the run that archives them (whatever its status: they are not failures). A run that lists nothing leaves the freshness state as it was
/// (there is no newest report to judge), so old reports that reappear still alert and fresh ones still clear it.
/// </summary>
internal static class AlertPolicy
{
    public static AlertDecision Decide(AlertState state, SyncRunResult result, DateTimeOffset now, TimeSpan repeatEvery, TimeSpan staleAfter)
    {
        var alerts = new List<AlertKind>();
        if (result.Status == SyncRunStatus.Succeeded)
        {
            if (state.FailureSince is not null)
            {
                alerts.Add(AlertKind.Recovery);
            }

            state = state with { FailureSince = null, FailedRuns = 0, LastFailureAlertAt = null };
        }
        else
        {
            state = state with { FailureSince = state.FailureSince ?? now, FailedRuns = state.FailedRuns + 1 };
            if (IsDue(state.LastFailureAlertAt, now, repeatEvery))
            {
                alerts.Add(AlertKind.Failure);
                state = state with { LastFailureAlertAt = now };
            }
        }

        if (result.Status == SyncRunStatus.Succeeded && result.Totals.Listed == 0)
        {
            state = state with { NothingListedSince = state.NothingListedSince ?? now };
            if (IsDue(state.LastNothingListedAlertAt, now, repeatEvery))
            {
                alerts.Add(AlertKind.NothingListed);
                state = state with { LastNothingListedAlertAt = now };
            }
        }
        else if (result.Totals.Listed > 0)
        {
            state = state with { NothingListedSince = null, LastNothingListedAlertAt = null };
        }

        if (result.NewestSourceObjectTime is { } newest)
        {
            if (now - newest > staleAfter)
            {
                state = state with { StaleSince = state.StaleSince ?? now };
                if (IsDue(state.LastStaleAlertAt, now, repeatEvery))
                {
                    alerts.Add(AlertKind.Stale);
                    state = state with { LastStaleAlertAt = now };
                }
            }
            else
            {
                state = state with { StaleSince = null, LastStaleAlertAt = null };
            }
        }

        // No repeat state: each invalid report and each drift is found once, by the run that copies the report.
        if (result.Totals.InvalidContent > 0 || result.SchemaDrifts.Count > 0)
        {
            alerts.Add(AlertKind.Content);
        }

        return new AlertDecision(state, alerts);
    }

    /// <summary>Undoes the "sent" mark of an alert that could not be published, so the next run tries again.</summary>
    public static AlertState MarkNotSent(AlertState state, AlertState before, AlertKind kind) => kind switch
    {
        AlertKind.Failure => state with { LastFailureAlertAt = before.LastFailureAlertAt },
        AlertKind.Stale => state with { LastStaleAlertAt = before.LastStaleAlertAt },
        AlertKind.NothingListed => state with { LastNothingListedAlertAt = before.LastNothingListedAlertAt },
        _ => state,
    };

    private static bool IsDue(DateTimeOffset? last, DateTimeOffset now, TimeSpan repeatEvery) =>
        last is not { } sent || now - sent >= repeatEvery;
}
