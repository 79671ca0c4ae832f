using System.Buffers;
using System.Numerics;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Hands out <see cref="ArrayPool{T}"/> buffers under one global byte budget shared by every object and part of a run;
/// renters wait (asynchronously, first come first served) while the budget is used up.
/// </summary>
/// <remarks>
/// A buffer is charged at the size <see cref="ArrayPool{T}.Shared"/> actually allocates (the next power of two), so the
/// budget bounds real memory, not requested lengths. <see cref="PeakBytes"/> records the highest charge ever outstanding.
/// </remarks>
internal sealed class PartBufferPool
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _outstanding;
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

        return new PartBuffer(this, ArrayPool<byte>.Shared.Rent(length), length, charge);
    }

    internal void Return(PartBuffer buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer.Array);
        List<Waiter> granted = [];
        lock (_lock)
        {
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
