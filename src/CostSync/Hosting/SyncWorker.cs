using CostSync.Configuration;
using CostSync.Logging;
using CostSync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Hosting;

/// <summary>
/// The daemon loop: catch up after downtime, then wait for each cron occurrence and start a run. A tick that
/// arrives while a run is in progress is skipped and logged. Stopping cancels the run in flight and waits for it.
/// </summary>
internal sealed class SyncWorker(
    RunCoordinator coordinator,
    IdleMemory idleMemory,
    ScheduleClock clock,
    RunHistoryStore history,
    IOptions<ScheduleOptions> schedule,
    ILogger<SyncWorker> logger) : BackgroundService
{
    private readonly ScheduleOptions _schedule = schedule.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Task<RunOutcome>? current = null;
        try
        {
            var last = await history.ReadAsync(stoppingToken);
            if (clock.IsCatchUpDue(last.LastSuccessfulRunAt))
            {
                if (last.LastSuccessfulRunAt is { } lastSuccess)
                {
                    Log.CatchUpRun(logger, lastSuccess);
                }
                else
                {
                    Log.FirstRun(logger);
                }
                current = RunAsync(stoppingToken);
            }

            var after = clock.Now;
            while (true)
            {
                // From the later of now and the last tick, so a timer that fires a little early never repeats a tick.
                var now = clock.Now;
                if (clock.GetNextOccurrence(now > after ? now : after) is not { } next)
                {
                    Log.NoNextOccurrence(logger, _schedule.Cron);
                    await Task.Delay(Timeout.Infinite, stoppingToken);
                    return;
                }

                Log.NextRunScheduled(logger, next, _schedule.Cron, _schedule.TimeZone);
                await clock.WaitUntilAsync(next, stoppingToken);
                after = next;
                if (current is { IsCompleted: false })
                {
                    Log.TickSkipped(logger, next);
                    continue;
                }

                if (current is not null)
                {
                    // Surfaces a bug in the run path (the coordinator catches run failures itself).
                    await current;
                }

                current = RunAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to wait for the run in flight.
        }
        finally
        {
            if (current is not null)
            {
                await AwaitQuietlyAsync(current, stoppingToken);
            }
        }
    }

    private async Task<RunOutcome> RunAsync(CancellationToken stoppingToken)
    {
        var outcome = await coordinator.RunOnceAsync(stoppingToken);
        idleMemory.Release();
        return outcome;
    }

    private static async Task AwaitQuietlyAsync(Task task, CancellationToken stoppingToken)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The run saw the same cancellation; it already logged it.
        }
    }
}
