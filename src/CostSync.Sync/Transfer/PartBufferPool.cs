using System.Numerics;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Hands out part buffers under one global byte budget shared by every object and part of a run; renters wait (asynchronously,
/// first come first served) while the budget is used up. Returned buffers are kept for reuse during the run and dropped by
/// <see cref="ReleaseIdle"/> when it ends, so an idle daemon holds none.
/// </summary>
/// <remarks>
/// Buffers are allocated at the next power of two of the requested length and charged at that size, so buffers are reusable
/// across objects of similar size and the budget bounds real memory. Kept buffers count against the budget too: a new buffer
/// that would not fit drops kept ones first. <see cref="PeakBytes"/> records the highest charge ever outstanding.
/// </remarks>
internal sealed class PartBufferPool
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly Dictionary<long, Stack<byte[]>> _idle = [];
    private long _outstanding;
    private long _retained;
    private long _released;
    private long _peak;

    public PartBufferPool(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        BudgetBytes = budgetBytes;
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

    /// <summary>Bytes of returned buffers kept for reuse (zero after <see cref="ReleaseIdle"/>).</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_lock)
            {
                return _retained;
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
    public static long ChargeFor(int length) => length <= 16 ? 16 : (long)BitOperations.RoundUpToPowerOf2((uint)length);

    /// <summary>Rents a buffer of at least <paramref name="length"/> bytes, waiting while the budget is used up.</summary>
    /// <exception cref="InvalidOperationException">One buffer of this size would exceed the whole budget.</exception>
    public async ValueTask<PartBuffer> RentAsync(int length, CancellationToken cancellationToken)
    {
        var charge = ChargeFor(length);
        if (charge > BudgetBytes)
        {
            throw new InvalidOperationException(
                $"A {length}-byte buffer ({charge} bytes pooled) exceeds CostSync:Transfer:MemoryBudgetMiB ({BudgetBytes / (1024 * 1024)} MiB). Raise the budget or lower MultipartThresholdMiB/PartSizeMiB.");
        }

        Waiter? waiter = null;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _outstanding + charge <= BudgetBytes)
            {
                Take(charge);
            }
            else
            {
                waiter = new Waiter(charge);
                waiter.Node = _waiters.AddLast(waiter);
            }
        }

        if (waiter is not null)
        {
            await using (cancellationToken.Register(() => Cancel(waiter)))
            {
                await waiter.Granted.Task;
            }
        }

        return new PartBuffer(this, TakeArray(charge), length, charge);
    }

    /// <summary>Drops every kept buffer (the run is over); returns the bytes released to the garbage collector.</summary>
    public long ReleaseIdle()
    {
        lock (_lock)
        {
            var released = _retained;
            _idle.Clear();
            _retained = 0;
            _released += released;
            return released;
        }
    }

    /// <summary>The bytes <see cref="ReleaseIdle"/> dropped since the last call, so the host collects garbage only when there is some.</summary>
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
        List<Waiter> granted = [];
        lock (_lock)
        {
            Keep(buffer.Array);
            _outstanding -= buffer.Charge;
            while (_waiters.First is { } first && _outstanding + first.Value.Charge <= BudgetBytes)
            {
                _waiters.RemoveFirst();
                first.Value.Node = null;
                Take(first.Value.Charge);
                granted.Add(first.Value);
            }
        }

        foreach (var w in granted)
        {
            w.Granted.TrySetResult();
        }
    }

    private byte[] TakeArray(long charge)
    {
        lock (_lock)
        {
            if (_idle.TryGetValue(charge, out var kept) && kept.TryPop(out var reused))
            {
                _retained -= charge;
                return reused;
            }

            // A new buffer: drop kept ones of other sizes until outstanding and kept bytes together stay within the budget.
            foreach (var (size, stack) in _idle)
            {
                while (_outstanding + _retained > BudgetBytes && stack.TryPop(out _))
                {
                    _retained -= size;
                }
            }
        }

        // Part buffers are always filled completely before use: no need to pay for zeroing them.
        return GC.AllocateUninitializedArray<byte>(checked((int)charge));
    }

    private void Keep(byte[] array)
    {
        if (!_idle.TryGetValue(array.Length, out var stack))
        {
            stack = new Stack<byte[]>();
            _idle[array.Length] = stack;
        }

        stack.Push(array);
        _retained += array.Length;
    }

    private void Take(long charge)
    {
        _outstanding += charge;
        _peak = Math.Max(_peak, _outstanding);
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

    private sealed class Waiter(long charge)
    {
        public long Charge { get; } = charge;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
