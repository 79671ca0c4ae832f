using CostSync.Formatting;
using CostSync.Logging;
using CostSync.Sync;
using CostSync.Terminal;
using Microsoft.Extensions.Logging;

namespace CostSync.Hosting;

/// <summary>Turns the engine's progress snapshots into at most one progress line per interval (objects, bytes, rate, ETA).</summary>
/// <param name="runId">The run whose copies progress; <see langword="null"/> for <c>verify</c> reading the archive back.</param>
/// <param name="interval">At most one line per interval.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="logger">Where the lines go.</param>
internal sealed class RunProgressReporter(string? runId, TimeSpan interval, TimeProvider timeProvider, ILogger logger) : IRunProgress
{
    private readonly Lock _lock = new();
    private long _lastLogged = timeProvider.GetTimestamp();

    public void Report(SyncProgress value)
    {
        lock (_lock)
        {
            if (timeProvider.GetElapsedTime(_lastLogged) < interval)
            {
                return;
            }

            _lastLogged = timeProvider.GetTimestamp();
        }

        var bytes = $"{Units.Bytes(value.BytesDone)} of {Units.Bytes(value.BytesTotal)}";
        var rate = Units.Bytes((long)value.BytesPerSecond);
        var eta = value.EstimatedRemaining is { } remaining ? Units.Duration(remaining) : "unknown";
        if (runId is null)
        {
            Log.VerifyProgress(logger, value.ObjectsDone, value.ObjectsTotal, bytes, rate, eta);
        }
        else
        {
            Log.RunProgress(logger, runId, value.ObjectsDone, value.ObjectsTotal, bytes, rate, eta);
        }
    }

    public void Dispose()
    {
        // Log lines need no cleanup.
    }
}
