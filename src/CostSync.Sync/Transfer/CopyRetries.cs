using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CostSync.Sync.Transfer;

/// <summary>
/// The one retry pipeline of a copy (Polly): up to <c>Transfer:MaxAttempts</c> attempts per object, exponential backoff with
/// jitter on the <see cref="TimeProvider"/>. Parts are not retried on their own, and the HTTP clients below retry only their own
/// calls, so attempts never multiply: a part whose HTTP retries are exhausted fails its object's attempt, once.
/// </summary>
internal sealed class CopyRetries
{
    private static readonly ResiliencePropertyKey<string> ObjectName = new("costsync.object-name");
    private static readonly ResiliencePropertyKey<Action?> Retrying = new("costsync.retrying");
    private readonly ResiliencePipeline _pipeline;

    public CopyRetries(TransferSettings settings, TimeProvider timeProvider, ILogger<CopyRetries> logger)
    {
        var maxAttempts = settings.MaxAttempts;
        _pipeline = maxAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = maxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryDelay,
                    MaxDelay = TransferSettings.MaxRetryDelay,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } e && !args.Context.CancellationToken.IsCancellationRequested && TransferFailures.IsRetryable(e)),
                    OnRetry = args =>
                    {
                        var name = args.Context.Properties.GetValue(ObjectName, "?");
                        Log.CopyAttemptFailed(logger, name, args.AttemptNumber + 1, maxAttempts, args.Outcome.Exception?.Message ?? "unknown error", args.RetryDelay);
                        args.Context.Properties.GetValue(Retrying, null)?.Invoke();
                        return default;
                    },
                })
                .Build();
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails with an error not worth retrying, or runs out of attempts;
    /// <paramref name="retrying"/> is called before each further attempt.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string objectName, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken, Action? retrying = null)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ObjectName, objectName);
        context.Properties.Set(Retrying, retrying);
        try
        {
            return await _pipeline.ExecuteAsync(static async (ctx, run) => await run(ctx.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
