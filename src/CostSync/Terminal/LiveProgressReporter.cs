using CostSync.Formatting;
using CostSync.Sync;

namespace CostSync.Terminal;

/// <summary>Shows a run's progress (objects, bytes, rate, ETA) on the <see cref="LiveLine"/>, at most a few times a second; erases it when the run ends.</summary>
internal sealed class LiveProgressReporter(LiveLine line, TimeProvider timeProvider) : IRunProgress
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

        line.Show(Text(value));
    }

    public void Dispose() => line.Clear();

    public static string Text(SyncProgress value)
    {
        var percent = value.BytesTotal > 0 ? (int)(100 * value.BytesDone / value.BytesTotal) : 100;
        var eta = value.EstimatedRemaining is { } remaining ? Units.Duration(remaining) : "unknown";
        return $"Copying: {value.ObjectsDone}/{value.ObjectsTotal} objects, {Units.Bytes(value.BytesDone)} of {Units.Bytes(value.BytesTotal)} ({percent}%), {Units.Bytes((long)value.BytesPerSecond)}/s, ETA {eta}";
    }
}
