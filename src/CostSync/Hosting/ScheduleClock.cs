using CostSync.Configuration;
using Cronos;
using Microsoft.Extensions.Options;

namespace CostSync.Hosting;

/// <summary>The Cronos schedule in the configured time zone, read against <see cref="TimeProvider"/>.</summary>
internal sealed class ScheduleClock
{
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _timeProvider;

    public ScheduleClock(IOptions<ScheduleOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        if (!CronText.TryParse(value.Cron, out var cron, out var rule) || !CronText.TryFindTimeZone(value.TimeZone, out var zone))
        {
            // Validation at start-up reports the details; reaching here means it was bypassed.
            throw new InvalidOperationException($"The schedule `{value.Cron}` in `{value.TimeZone}` is invalid: {rule}.");
        }

        _cron = cron;
        _zone = zone;
        _timeProvider = timeProvider;
    }

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) => _cron.GetNextOccurrence(after, _zone);

    /// <summary>The next occurrence from now.</summary>
    public DateTimeOffset? NextRun => GetNextOccurrence(Now);

    /// <summary>
    /// True when a run should start at once: there was never a successful run, or the last one is older than
    /// one schedule interval (the gap between the next two occurrences).
    /// </summary>
    public bool IsCatchUpDue(DateTimeOffset? lastSuccessfulRun)
    {
        if (lastSuccessfulRun is not { } last)
        {
            return true;
        }

        var now = Now;
        if (GetNextOccurrence(now) is not { } first || GetNextOccurrence(first) is not { } second)
        {
            return false;
        }

        return now - last > second - first;
    }

    /// <summary>Waits until <paramref name="occurrence"/> on the provider's clock.</summary>
    public Task WaitUntilAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var delay = occurrence - Now;
        return Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _timeProvider, cancellationToken);
    }
}
