namespace CostSync.Sync.Transfer;

/// <summary>A pooled buffer charged against the run's memory budget; dispose it to give the bytes back.</summary>
internal sealed class PartBuffer(PartBufferPool pool, byte[] array, int length, long charge) : IDisposable
{
    private int _disposed;

    public byte[] Array { get; } = array;

    public int Length { get; } = length;

    public long Charge { get; } = charge;

    public Memory<byte> Memory => Array.AsMemory(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            pool.Return(this);
        }
    }
}
