using CostSync.Sync.Transfer;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Transfer;

public sealed class PartBufferPoolTests
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rent_BudgetUsedUp_WaitsUntilABufferIsReturned()
    {
        var sut = new PartBufferPool(16L * MiB);
        var first = await sut.RentAsync(8 * MiB, Ct);
        using var second = await sut.RentAsync(8 * MiB, Ct);

        var third = sut.RentAsync(8 * MiB, Ct).AsTask();
        Assert.False(third.IsCompleted);
        first.Dispose();
        using var granted = await third;

        Assert.Equal(16L * MiB, sut.PeakBytes);
        Assert.Equal(16L * MiB, sut.OutstandingBytes);
    }

    [Fact]
    public async Task Rent_ChargesWhatItAllocates_NextPowerOfTwo()
    {
        var sut = new PartBufferPool(32L * MiB);

        using var buffer = await sut.RentAsync(5 * MiB, Ct);

        Assert.Equal(8L * MiB, buffer.Charge);
        Assert.Equal(8L * MiB, sut.OutstandingBytes);
        Assert.Equal(5 * MiB, buffer.Memory.Length);
    }

    [Fact]
    public async Task Rent_WaitCancelled_ThrowsAndLeavesBudgetIntact()
    {
        var sut = new PartBufferPool(8L * MiB);
        using var held = await sut.RentAsync(8 * MiB, Ct);
        using var cts = new CancellationTokenSource();

        var waiting = sut.RentAsync(MiB, cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(8L * MiB, sut.OutstandingBytes);
    }

    [Fact]
    public async Task Rent_LargerThanBudget_ThrowsNamingTheSetting()
    {
        var sut = new PartBufferPool(8L * MiB);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RentAsync(9 * MiB, Ct).AsTask());

        Assert.Contains("MemoryBudgetMiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rent_ManyConcurrentRenters_PeakNeverExceedsBudget()
    {
        var sut = new PartBufferPool(20L * MiB);

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(
            async () =>
            {
                using var b = await sut.RentAsync(((i % 4) + 1) * MiB, Ct);
                b.Memory.Span[0] = 1;
                await Task.Yield();
            },
            Ct)));

        Assert.InRange(sut.PeakBytes, 4L * MiB, 20L * MiB);
        Assert.Equal(0, sut.OutstandingBytes);
    }

    [Fact]
    public async Task Rent_AfterAReturnOfTheSameSize_ReusesTheBufferDuringTheRun()
    {
        var sut = new PartBufferPool(32L * MiB);
        var first = await sut.RentAsync(5 * MiB, Ct);
        var (array, offset) = (first.Array, first.Offset);
        first.Dispose();

        using var second = await sut.RentAsync(6 * MiB, Ct);

        Assert.Same(array, second.Array);
        Assert.Equal(offset, second.Offset);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task ReleaseIdle_AfterARun_HandsThePagesBackToTheOs()
    {
        var sut = new PartBufferPool(64L * MiB);
        var buffer = await sut.RentAsync(32 * MiB, Ct);
        buffer.Memory.Span.Fill(0xA5); // every page resident
        var array = buffer.Array;
        Assert.Equal(Residency.WholePages(array, buffer.Offset, buffer.Length), Residency.ResidentPages(array, buffer.Offset, buffer.Length));
        buffer.Dispose();
        Assert.Equal(64L * MiB, sut.RetainedBytes); // the arena's one array

        var released = sut.ReleaseIdle();

        // The array stays (a reference held elsewhere cannot keep a second arena alive) but none of its pages is resident.
        Assert.Equal((64L * MiB, 0L), (released, sut.RetainedBytes));
        Assert.Equal(0, Residency.ResidentPages(array, 0, array.Length));
        Assert.Equal(64L * MiB, sut.TakeReleasedBytes());
        Assert.Equal(0, sut.TakeReleasedBytes());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Rent_AfterReleaseIdle_ReusesTheSameArrayWithFreshPages()
    {
        var sut = new PartBufferPool(64L * MiB);
        var first = await sut.RentAsync(16 * MiB, Ct);
        first.Memory.Span.Fill(0xA5);
        var (array, offset) = (first.Array, first.Offset);
        first.Dispose();
        sut.ReleaseIdle();

        using var next = await sut.RentAsync(16 * MiB, Ct);

        Assert.Same(array, next.Array);
        Assert.Equal(offset, next.Offset);
        Assert.Equal(16L * MiB, sut.OutstandingBytes);
        Assert.Equal(0, Residency.ResidentPages(array, 0, array.Length));
        next.Memory.Span.Fill(0x5A); // the discarded pages come back when written
        Assert.True(next.Memory.Span.IndexOfAnyExcept((byte)0x5A) < 0);
        Assert.Equal(Residency.WholePages(array, next.Offset, next.Length), Residency.ResidentPages(array, next.Offset, next.Length));
    }

    [Fact]
    public async Task Rent_NewSizeWhileOtherSizesAreKept_KeptAndOutstandingStayWithinTheBudget()
    {
        var sut = new PartBufferPool(32L * MiB);
        (await sut.RentAsync(16 * MiB, Ct)).Dispose();
        (await sut.RentAsync(8 * MiB, Ct)).Dispose();
        Assert.Equal(32L * MiB, sut.RetainedBytes);

        using var big = await sut.RentAsync(30 * MiB, Ct);

        Assert.Equal(32L * MiB, sut.OutstandingBytes);
        Assert.Equal(0, sut.RetainedBytes);
    }

    [Fact]
    public async Task Rent_MixedSizesThroughARun_AllocatesTheBudgetOnceAndNoGarbage()
    {
        var sut = new PartBufferPool(16L * MiB);
        int[] sizes = [5_000, 100_000, MiB, 3 * MiB, 8 * MiB, 16 * MiB, 700_000, 5 * MiB];
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 200; i++)
        {
            // Completes synchronously (the budget is free), so every allocation happens on this thread.
            var rent = sut.RentAsync(sizes[i % sizes.Length], Ct);
            Assert.True(rent.IsCompletedSuccessfully);
            (await rent).Dispose();
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 16L * MiB, 17L * MiB);
        Assert.Equal(16L * MiB, sut.RetainedBytes);
    }

    [Fact]
    public async Task Rent_FreeBytesNotInOneBlock_WaitsUntilTheBlocksMerge()
    {
        var sut = new PartBufferPool(16L * MiB);
        var quarters = new List<PartBuffer>();
        for (var i = 0; i < 4; i++)
        {
            quarters.Add(await sut.RentAsync(4 * MiB, Ct));
        }

        quarters[0].Dispose();
        quarters[2].Dispose();
        var half = sut.RentAsync(8 * MiB, Ct).AsTask();
        Assert.False(half.IsCompleted);

        quarters[1].Dispose();
        using var granted = await half;

        Assert.Equal(0, granted.Offset);
        Assert.Equal(12L * MiB, sut.OutstandingBytes);
        quarters[3].Dispose();
    }

    [Fact]
    public async Task Rent_BudgetNotAPowerOfTwo_UsesAllOfIt()
    {
        var sut = new PartBufferPool(24L * MiB);

        using var big = await sut.RentAsync(16 * MiB, Ct);
        using var rest = await sut.RentAsync(8 * MiB, Ct);

        Assert.Equal(24L * MiB, sut.OutstandingBytes);
        Assert.NotSame(big.Array, rest.Array);
    }
}
