namespace CostSync.Sync;

/// <summary>A progress snapshot of a running sync, for a periodic progress line.</summary>
/// <param name="ObjectsDone">Objects copied or failed so far.</param>
/// <param name="ObjectsTotal">Objects the run will copy.</param>
/// <param name="BytesDone">Bytes uploaded so far.</param>
/// <param name="BytesTotal">Bytes the run will copy.</param>
/// <param name="Elapsed">Time since copying started.</param>
public sealed record SyncProgress(int ObjectsDone, int ObjectsTotal, long BytesDone, long BytesTotal, TimeSpan Elapsed)
{
    /// <summary>Average upload rate so far.</summary>
    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? BytesDone / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the average rate so far; <see langword="null"/> before any byte has moved.</summary>
    public TimeSpan? EstimatedRemaining => BytesPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, BytesTotal - BytesDone) / BytesPerSecond) : null;
}
