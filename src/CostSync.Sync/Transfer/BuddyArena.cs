using System.Numerics;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Power-of-two blocks carved out of a few large arrays (a buddy allocator): freed blocks merge with their buddies, so one run
/// of any mix of sizes reuses the same memory and leaves no garbage for the collector, and resident memory never exceeds the
/// capacity. Arrays are allocated uninitialised and pinned on first use, so untouched pages cost nothing. Where the pages can be
/// discarded (<see cref="PageDiscard"/>, Linux), <see cref="Release"/> keeps the arrays and hands their pages back to the OS, so
/// every run of a process reuses the same arrays: a reference something else still holds to an old buffer (an idle socket's last
/// read) can neither keep a second arena's worth of memory alive nor keep the idle process's memory up. Elsewhere it drops them.
/// Not thread-safe: the pool locks.
/// </summary>
internal sealed class BuddyArena
{
    /// <summary>The smallest block: 4 KiB (a page).</summary>
    public const int MinBlock = 4096;

    /// <summary>The largest array (and block): 1 GiB.</summary>
    public const long MaxChunk = 1L << 30;

    private readonly long[] _chunkSizes;
    private readonly byte[]?[] _chunks;
    private readonly bool[] _resident;
    private readonly Dictionary<long, SortedSet<long>> _free = [];

    /// <summary>An arena of <paramref name="capacity"/> bytes (rounded down to whole <see cref="MinBlock"/>s), as chunks of power-of-two sizes.</summary>
    public BuddyArena(long capacity)
    {
        var sizes = new List<long>();
        var left = capacity - (capacity % MinBlock);
        while (left >= MinBlock)
        {
            var size = Math.Min(MaxChunk, (long)BitOperations.RoundUpToPowerOf2((ulong)left + 1) / 2);
            sizes.Add(size);
            left -= size;
        }

        _chunkSizes = [.. sizes];
        _chunks = new byte[]?[_chunkSizes.Length];
        _resident = new bool[_chunkSizes.Length];
        Reset();
    }

    /// <summary>The largest block the arena can ever hand out.</summary>
    public long LargestBlock => _chunkSizes.Length == 0 ? 0 : _chunkSizes[0];

    /// <summary>Bytes of the arrays allocated, or used again, since the last <see cref="Release"/>: what the arena may hold in memory.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>The block size serving <paramref name="length"/> bytes: the next power of two, at least <see cref="MinBlock"/>.</summary>
    public static long BlockFor(long length) => Math.Max(MinBlock, (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, length)));

    /// <summary>Takes a free block of exactly <paramref name="size"/> bytes (a power of two), splitting a larger one if needed.</summary>
    public bool TryAllocate(long size, out byte[] array, out int offset)
    {
        array = [];
        offset = 0;
        var order = size;
        while (order <= LargestBlock && (!_free.TryGetValue(order, out var set) || set.Count == 0))
        {
            order *= 2;
        }

        if (order > LargestBlock)
        {
            return false;
        }

        // The lowest free address first: blocks stay packed at the start, which keeps large blocks free.
        var free = _free[order];
        var address = free.Min;
        free.Remove(address);
        while (order > size)
        {
            // Split: keep the lower half, free the upper one.
            order /= 2;
            FreeSet(order).Add(address + order);
        }

        var (chunk, at) = Split(address);
        array = _chunks[chunk] ??= Allocate(chunk);
        if (!_resident[chunk])
        {
            _resident[chunk] = true;
            AllocatedBytes += _chunkSizes[chunk];
        }

        offset = (int)at;
        return true;
    }

    /// <summary>Returns a block taken by <see cref="TryAllocate"/>; merges it with its free buddies. A block of arrays already released is ignored.</summary>
    public void Free(byte[] array, int offset, long size)
    {
        var chunk = Array.IndexOf(_chunks, array);
        if (chunk < 0)
        {
            return;
        }

        long at = offset;
        while (size < _chunkSizes[chunk] && FreeSet(size).Remove(Address(chunk, at ^ size)))
        {
            at = Math.Min(at, at ^ size);
            size *= 2;
        }

        FreeSet(size).Add(Address(chunk, at));
    }

    /// <summary>
    /// Gives the memory back (nothing may be outstanding): the used arrays' pages to the OS where that is supported, keeping the
    /// arrays for the next run, else the arrays to the collector. Returns the bytes given back.
    /// </summary>
    public long Release()
    {
        var released = AllocatedBytes;
        for (var i = 0; i < _chunks.Length; i++)
        {
            if (_chunks[i] is { } array && _resident[i] && !PageDiscard.TryDiscard(array))
            {
                _chunks[i] = null;
            }

            _resident[i] = false;
        }

        AllocatedBytes = 0;
        Reset();
        return released;
    }

    // An address packs the chunk index above bit 40 and the offset below it (chunks are at most 1 GiB).
    private static long Address(int chunk, long offset) => ((long)chunk << 40) | offset;

    private static (int Chunk, long Offset) Split(long address) => ((int)(address >> 40), address & ((1L << 40) - 1));

    private SortedSet<long> FreeSet(long size)
    {
        if (!_free.TryGetValue(size, out var set))
        {
            set = [];
            _free[size] = set;
        }

        return set;
    }

    private byte[] Allocate(int chunk)
    {
        // Every block is filled before use: no need to pay for zeroing (or touching) the pages. Pinned (the pinned object heap), so
        // the pages can be discarded in place.
        return GC.AllocateUninitializedArray<byte>(checked((int)_chunkSizes[chunk]), pinned: PageDiscard.IsSupported);
    }

    private void Reset()
    {
        _free.Clear();
        for (var i = 0; i < _chunkSizes.Length; i++)
        {
            FreeSet(_chunkSizes[i]).Add(Address(i, 0));
        }
    }
}
