namespace CostSync.Sync.Transfer;

/// <summary>A pooled buffer (a block of the pool's arena) charged against the run's memory budget; dispose it to give the bytes back.</summary>
internal sealed class PartBuffer(PartBufferPool pool, byte[] array, int offset, int length, long charge) : IDisposable
{
    private int _disposed;

    /// <summary>The arena array this block lives in (shared with other blocks).</summary>
    internal byte[] Array { get; } = array;

    /// <summary>Where the block starts in <see cref="Array"/>.</summary>
    internal int Offset { get; } = offset;

    public int Length { get; } = length;

    /// <summary>The block's size: what it counts against the budget.</summary>
    public long Charge { get; } = charge;

    public Memory<byte> Memory => Array.AsMemory(Offset, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            pool.Return(this);
        }
    }
}
