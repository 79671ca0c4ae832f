using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Ledger;

/// <summary>Segments: new keys only, failed writes kept and retried, nothing lost at completion.</summary>
public sealed class LedgerWriterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly KeyLayout _layout = new("archive", null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddAsync_SegmentWriteFails_EntriesStayQueuedAndTheNextWriteRecordsThemUnderANewKey()
    {
        await using var store = new HookedDestination(new DirectoryDestination(_directory.Path, overwriteProtection: false, _time));
        var failures = 1;
        store.FailPut = _ => Interlocked.Decrement(ref failures) >= 0 ? new IOException("Injected: 503 Slow Down") : null;
        await using var sut = CreateSut(store, "run-1", flushEvery: 2);

        await sut.AddAsync(Entry("a"), Ct);
        await sut.AddAsync(Entry("b"), Ct);
        await sut.AddAsync(Entry("c"), Ct);
        var error = await sut.CompleteAsync(Ct);

        Assert.Null(error);
        var segment = Assert.Single(sut.Segments);
        Assert.EndsWith("-0002.jsonl", segment, StringComparison.Ordinal);
        Assert.Equal(["a", "b", "c"], (await LedgerContents.EntriesAsync(store, "archive/", Ct)).Select(e => e.Name));
    }

    [Fact]
    public async Task CompleteAsync_EverySegmentWriteFails_SaysHowManyEntriesAreMissingAndWhy()
    {
        await using var store = new HookedDestination(new DirectoryDestination(_directory.Path, overwriteProtection: false, _time))
        {
            FailPut = _ => new IOException("Injected: AccessDenied"),
        };
        await using var sut = CreateSut(store, "run-1", flushEvery: 10);
        await sut.AddAsync(Entry("a"), Ct);
        await sut.AddAsync(Entry("b"), Ct);

        var error = await sut.CompleteAsync(Ct);

        Assert.Equal("2 ledger entries could not be written under archive/.costsync/ledger/: Injected: AccessDenied", error);
        Assert.Empty(sut.Segments);
    }

    [Fact]
    public async Task CompleteAsync_TwoWritersWithTheSameRunId_NeverShareAKey()
    {
        // The host re-runs the engine with the same run id after re-reading rotated keys.
        await using var store = new DirectoryDestination(_directory.Path, overwriteProtection: false, _time);
        await using var first = CreateSut(store, "run-1", flushEvery: 1);
        await using var second = CreateSut(store, "run-1", flushEvery: 1);

        await first.AddAsync(Entry("a"), Ct);
        await second.AddAsync(Entry("b"), Ct);

        Assert.NotEqual(Assert.Single(first.Segments), Assert.Single(second.Segments));
        Assert.Equal(["a", "b"], (await LedgerContents.EntriesAsync(store, "archive/", Ct)).Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CompleteAsync_NothingAdded_WritesNothing()
    {
        await using var store = new CountingDestination(new DirectoryDestination(_directory.Path, overwriteProtection: false, _time));
        await using var sut = CreateSut(store, "run-1", flushEvery: 1);

        Assert.Null(await sut.CompleteAsync(Ct));
        Assert.Empty(store.Calls);
    }

    private LedgerWriter CreateSut(CostSync.Sync.Destinations.IDestination store, string runId, int flushEvery) =>
        new(store, _layout, runId, new LedgerSettings { FlushEveryEntries = flushEvery }, _time, NullLogger.Instance);

    private static LedgerEntry Entry(string name) =>
        new(name, 10, null, null, "etag", null, "archive/" + name, "d41d8cd98f00b204e9800998ecf8427e", null, T0, "run-1");
}
