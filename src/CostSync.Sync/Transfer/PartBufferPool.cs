namespace CostSync.Sync.Transfer;

/// <summary>
/// Hands out part buffers under one global byte budget shared by every object and part of a run; renters wait (asynchronously,
/// first come first served) while the budget is used up. The memory is an arena of the budget's size (<see cref="BuddyArena"/>):
/// buffers are blocks of it, freed blocks merge and are reused by any later size, and <see cref="ReleaseIdle"/> gives its memory
/// back when the run ends (its pages to the OS on Linux, keeping the arena for the next run; elsewhere the arena to the collector),
/// so an idle daemon holds none.
/// </summary>
/// <remarks>
/// A buffer is a block of the next power of two of the requested length (at least 4 KiB) and is charged at that size. As every
/// buffer comes from the arena, resident memory for buffers never exceeds the budget and a run leaves no garbage behind, whatever
/// the mix of object sizes (a pool of separate arrays dropped and re-allocated per size grew the heap to several times the
/// budget). <see cref="PeakBytes"/> records the highest charge ever outstanding.
/// </remarks>
internal sealed class PartBufferPool
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly BuddyArena _arena;
    private long _outstanding;
    private long _released;
    private long _peak;

    public PartBufferPool(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        BudgetBytes = budgetBytes;
        _arena = new BuddyArena(Math.Max(budgetBytes, BuddyArena.MinBlock));
    }

    /// <summary>The most bytes that may be handed out at once.</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes handed out and not yet returned.</summary>
    public long OutstandingBytes
    {
        get
        {
            lock (_lock)
            {
                return _outstanding;
            }
        }
    }

    /// <summary>Arena bytes allocated and not handed out, kept for reuse during the run (zero after <see cref="ReleaseIdle"/>).</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_lock)
            {
                return _arena.AllocatedBytes - _outstanding;
            }
        }
    }

    /// <summary>The highest <see cref="OutstandingBytes"/> ever reached.</summary>
    public long PeakBytes
    {
        get
        {
            lock (_lock)
            {
                return _peak;
            }
        }
    }

    /// <summary>What a buffer of <paramref name="length"/> bytes is charged against the budget.</summary>
    public static long ChargeFor(int length) => BuddyArena.BlockFor(length);

    /// <summary>Rents a buffer of at least <paramref name="length"/> bytes, waiting while the budget is used up.</summary>
    /// <exception cref="InvalidOperationException">One buffer of this size would exceed the whole budget.</exception>
    public async ValueTask<PartBuffer> RentAsync(int length, CancellationToken cancellationToken)
    {
        var charge = ChargeFor(length);
        if (charge > BudgetBytes || charge > _arena.LargestBlock)
        {
            throw new InvalidOperationException(
                $"A {length}-byte buffer ({charge} bytes pooled) exceeds CostSync:Transfer:MemoryBudgetMiB ({BudgetBytes / (1024 * 1024)} MiB). Raise the budget or lower MultipartThresholdMiB/PartSizeMiB.");
        }

        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && TryTake(charge, out var array, out var offset))
            {
                return new PartBuffer(this, array, offset, length, charge);
            }

            waiter = new Waiter(charge, length);
            waiter.Node = _waiters.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Cancel(waiter)))
        {
            return await waiter.Granted.Task;
        }
    }

    /// <summary>Gives the arena's memory back (the run is over; nothing is outstanding); returns the bytes released.</summary>
    public long ReleaseIdle()
    {
        lock (_lock)
        {
            if (_outstanding > 0)
            {
                return 0; // a buffer is still in use: the arena stays until the next call
            }

            var released = _arena.Release();
            _released += released;
            return released;
        }
    }

    /// <summary>The bytes <see cref="ReleaseIdle"/> released since the last call, so the host collects garbage only after a run that used buffers.</summary>
    public long TakeReleasedBytes()
    {
        lock (_lock)
        {
            var released = _released;
            _released = 0;
            return released;
        }
    }

    internal void Return(PartBuffer buffer)
    {
        List<(Waiter Waiter, PartBuffer Buffer)> granted = [];
        lock (_lock)
        {
            _arena.Free(buffer.Array, buffer.Offset, buffer.Charge);
            _outstanding -= buffer.Charge;

            // First come, first served: a waiter is granted only when the one before it was.
            while (_waiters.First is { } first && TryTake(first.Value.Charge, out var array, out var offset))
            {
                _waiters.RemoveFirst();
                first.Value.Node = null;
                granted.Add((first.Value, new PartBuffer(this, array, offset, first.Value.Length, first.Value.Charge)));
            }
        }

        foreach (var (w, b) in granted)
        {
            if (!w.Granted.TrySetResult(b))
            {
                b.Dispose();
            }
        }
    }

    private bool TryTake(long charge, out byte[] array, out int offset)
    {
        array = [];
        offset = 0;
        if (_outstanding + charge > BudgetBytes || !_arena.TryAllocate(charge, out array, out offset))
        {
            return false;
        }

        _outstanding += charge;
        _peak = Math.Max(_peak, _outstanding);
        return true;
    }

    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node is null)
            {
                return; // already granted; the renter returns the buffer itself
            }

            _waiters.Remove(waiter.Node);
            waiter.Node = null;
        }

        waiter.Granted.TrySetCanceled();
    }

    private sealed class Waiter(long charge, int length)
    {
        public long Charge { get; } = charge;

        public int Length { get; } = length;

        public TaskCompletionSource<PartBuffer> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
