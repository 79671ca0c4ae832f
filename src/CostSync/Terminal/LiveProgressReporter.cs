using CostSync.Formatting;
using CostSync.Sync;

namespace CostSync.Terminal;

/// <summary>Shows a run's progress (objects, bytes, rate, ETA) on the <see cref="LiveLine"/>, at most a few times a second; erases it when the run ends.</summary>
/// <param name="line">The terminal line.</param>
/// <param name="timeProvider">The clock that limits redraws.</param>
/// <param name="activity">What is progressing: <c>Copying</c> (a run) or <c>Verifying</c>.</param>
internal sealed class LiveProgressReporter(LiveLine line, TimeProvider timeProvider, string activity = "Copying") : IRunProgress
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);
    private readonly Lock _lock = new();
    private long? _lastShown;

    public void Report(SyncProgress value)
    {
        lock (_lock)
        {
            var finished = value.ObjectsDone >= value.ObjectsTotal;
            if (_lastShown is { } last && timeProvider.GetElapsedTime(last) < Redraw && !finished)
            {
                return;
            }

            _lastShown = timeProvider.GetTimestamp();
        }

        line.Show(Text(value, activity));
    }

    public void Dispose() => line.Clear();

    public static string Text(SyncProgress value, string activity = "Copying")
    {
        var percent = value.BytesTotal > 0 ? (int)(100 * value.BytesDone / value.BytesTotal) : 100;
        var eta = value.EstimatedRemaining is { } remaining ? Units.Duration(remaining) : "unknown";
        return $"{activity}: {value.ObjectsDone}/{value.ObjectsTotal} objects, {Units.Bytes(value.BytesDone)} of {Units.Bytes(value.BytesTotal)} ({percent}%), {Units.Bytes((long)value.BytesPerSecond)}/s, ETA {eta}";
    }
}
