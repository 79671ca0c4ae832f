namespace CostSync.Sync;

/// <summary>Counts objects and bytes of a run and reports a <see cref="SyncProgress"/> after every part or object.</summary>
internal sealed class ProgressTracker(IProgress<SyncProgress>? progress, int objectsTotal, long bytesTotal, TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private int _objectsDone;
    private long _bytesDone;

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    public int ObjectsDone => Volatile.Read(ref _objectsDone);

    public void AddBytes(long bytes)
    {
        Interlocked.Add(ref _bytesDone, bytes);
        Report();
    }

    public void ObjectDone()
    {
        Interlocked.Increment(ref _objectsDone);
        Report();
    }

    private void Report() =>
        progress?.Report(new SyncProgress(ObjectsDone, objectsTotal, BytesDone, bytesTotal, timeProvider.GetElapsedTime(_started)));
}
