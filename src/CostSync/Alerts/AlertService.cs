using CostSync.Configuration;
using CostSync.Logging;
using CostSync.State;
using CostSync.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Alerts;

/// <summary>After each run: applies <see cref="AlertPolicy"/> to the persisted state, sends what it asks for, saves the state.</summary>
internal sealed class AlertService(
    AlertPublisher publisher,
    AlertMessageBuilder messages,
    StateStore store,
    IOptions<AlertOptions> options,
    TimeProvider timeProvider,
    ILogger<AlertService> logger)
{
    public const string FileName = "alert-state.json";
    private readonly AlertOptions _options = options.Value;

    public async Task OnRunCompletedAsync(SyncRunResult result, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        try
        {
            var before = await store.ReadAsync<AlertState>(FileName, cancellationToken) ?? AlertState.Initial;
            var now = timeProvider.GetUtcNow();
            var decision = AlertPolicy.Decide(before, result, now, _options.RepeatEvery, _options.StaleAfter);
            var state = decision.State;
            foreach (var kind in decision.Alerts)
            {
                var message = kind switch
                {
                    AlertKind.Failure => messages.Failure(result, state, nextRun),
                    AlertKind.Recovery => messages.Recovery(result, before, nextRun),
                    AlertKind.NothingListed => messages.NothingListed(result, nextRun),
                    AlertKind.Content => messages.Content(result, nextRun),
                    _ => messages.Stale(result, _options.StaleAfter, now, nextRun),
                };
                if (!await publisher.PublishAsync(message, cancellationToken) && publisher.IsConfigured)
                {
                    state = AlertPolicy.MarkNotSent(state, before, kind);
                }
            }

            await store.WriteAsync(FileName, state, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StateDirectoryException)
        {
            Log.AlertStateFailed(logger, ex.Message);
        }
    }
}
