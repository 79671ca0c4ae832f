using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Integrity;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Ledger;

/// <summary>Merging segments, snapshots and the legacy file, on a local folder; reads are counted.</summary>
public sealed class LedgerReaderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly KeyLayout _layout = new("archive", null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_SegmentsOfSeveralRuns_KeepsTheLatestEntryPerKeyAndDropsDeletions()
    {
        await using var store = CreateStore();
        await PutAsync(store, "archive/.costsync/ledger/2026/r1-aaaa-0001.jsonl", LedgerLines.Write([Entry("a", T0, size: 1), Entry("b", T0)]));
        await PutAsync(store, "archive/.costsync/ledger/2026/r2-bbbb-0001.jsonl", LedgerLines.Write([Entry("a", T0.AddHours(1), size: 2), Entry("b", T0.AddHours(1)) with { Deleted = true }]));
        await PutAsync(store, "archive/.costsync/ledger/2025/r0-cccc-0001.jsonl", LedgerLines.Write([Entry("a", T0.AddHours(-1), size: 0)]));

        var state = await ReadAsync(store);

        Assert.Equal(2, state.Find("archive/a")!.Size);
        Assert.Null(state.Find("archive/b"));
        Assert.Equal(3, state.SegmentsUncovered);
    }

    [Fact]
    public async Task ReadAsync_SegmentTheNewestSnapshotDoesNotName_IsReadEvenThoughItSortsFirst()
    {
        // Another process wrote "2026/early-…" while this snapshot was being built from a listing that did not show it yet.
        await using var store = new CountingDestination(CreateStore());
        await PutAsync(store, "archive/.costsync/ledger/2026/r1-aaaa-0001.jsonl", LedgerLines.Write([Entry("a", T0)]));
        await PutAsync(store, "archive/.costsync/ledger/2026/early-dddd-0001.jsonl", LedgerLines.Write([Entry("c", T0.AddMinutes(5)), Entry("a", T0.AddMinutes(-5), size: 99)]));
        await PutAsync(store, "archive/.costsync/ledger/2026/r2-bbbb-0001.jsonl", LedgerLines.Write([Entry("b", T0.AddHours(2))]));
        await PutAsync(store, "archive/.costsync/ledger/snapshots/20261124T070000000Z-0001.jsonl", LedgerLines.Write([Entry("a", T0)], Header(["2026/r1-aaaa-0001.jsonl"])));
        store.Clear();

        var state = await ReadAsync(store);

        Assert.Equal(["a", "b", "c"], state.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(10, state.Find("archive/a")!.Size); // the snapshot's entry is later than the stray one (99 bytes)
        Assert.Equal(
            ["archive/.costsync/ledger/2026/early-dddd-0001.jsonl", "archive/.costsync/ledger/2026/r2-bbbb-0001.jsonl", "archive/.costsync/ledger/snapshots/20261124T070000000Z-0001.jsonl"],
            store.Calls.Where(c => c.Operation == "Get").Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(3, state.Covers.Count);
    }

    [Fact]
    public async Task ReadAsync_NewestSnapshotUnreadable_UsesTheOlderSnapshotAndItsUncoveredSegments()
    {
        await using var store = CreateStore();
        await PutAsync(store, "archive/.costsync/ledger/2026/r1-aaaa-0001.jsonl", LedgerLines.Write([Entry("a", T0)]));
        await PutAsync(store, "archive/.costsync/ledger/2026/r2-bbbb-0001.jsonl", LedgerLines.Write([Entry("b", T0)]));
        await PutAsync(store, "archive/.costsync/ledger/snapshots/20261124T070000000Z-0001.jsonl", LedgerLines.Write([Entry("a", T0)], Header(["2026/r1-aaaa-0001.jsonl"])));
        await PutAsync(store, "archive/.costsync/ledger/snapshots/20261124T080000000Z-0002.jsonl", "not a snapshot\n"u8.ToArray());

        var state = await ReadAsync(store);

        Assert.NotNull(state.Find("archive/a"));
        Assert.NotNull(state.Find("archive/b"));
        Assert.Equal(1, state.SegmentsUncovered);
    }

    [Fact]
    public async Task ReadAsync_LegacyLedgerChangedAfterItWasCarriedOver_IsReadAgain()
    {
        await using var store = new CountingDestination(CreateStore());
        await PutAsync(store, "archive/.costsync/ledger.jsonl", LedgerLines.Write([Entry("a", T0)]));
        var carried = LegacyLedgerIdentity.Of(await ListedAsync(store, "archive/.costsync/ledger.jsonl"));
        await PutAsync(store, "archive/.costsync/ledger/snapshots/20261124T070000000Z-0001.jsonl", LedgerLines.Write([Entry("a", T0)], Header([]) with { Legacy = carried }));
        store.Clear();
        var unchanged = await ReadAsync(store);
        var readsWhenUnchanged = store.Calls.Count(c => c.Operation == "Get");

        // An older CostSync still running elsewhere appends to the legacy file.
        await PutAsync(store, "archive/.costsync/ledger.jsonl", LedgerLines.Write([Entry("a", T0), Entry("z", T0.AddHours(1))]));
        var changed = await ReadAsync(store);

        Assert.Equal((1, false), (readsWhenUnchanged, unchanged.LegacyUncovered));
        Assert.True(changed.LegacyUncovered);
        Assert.NotNull(changed.Find("archive/z"));
    }

    [Fact]
    public async Task ReadAsync_UnreadableLine_IsSkippedAndTheRestKept()
    {
        await using var store = CreateStore();
        var content = LedgerLines.Write([Entry("a", T0)]).Concat("{broken\n"u8.ToArray()).Concat(LedgerLines.Write([Entry("b", T0)])).ToArray();
        await PutAsync(store, "archive/.costsync/ledger/2026/r1-aaaa-0001.jsonl", content);

        var state = await ReadAsync(store);

        Assert.Equal(2, state.Entries.Count);
    }

    private static LedgerSnapshotHeader Header(IReadOnlyList<string> covers) => new(1, "r-snap", T0, covers, null);

    private static LedgerEntry Entry(string name, DateTimeOffset copiedAt, long size = 10) =>
        new(name, size, null, null, "etag-" + name, null, "archive/" + name, "d41d8cd98f00b204e9800998ecf8427e", null, copiedAt, "run");

    private DirectoryDestination CreateStore() => new(_directory.Path, overwriteProtection: false, new FakeTimeProvider(T0));

    private async Task<LedgerState> ReadAsync(IDestination store)
    {
        var listed = new List<DestinationObject>();
        await foreach (var o in store.ListObjectsAsync(_layout.ListPrefix, Ct))
        {
            listed.Add(o);
        }

        return await new LedgerReader(new LedgerSettings(), NullLogger<LedgerReader>.Instance).ReadAsync(store, _layout, LedgerFiles.From(_layout, listed), Ct);
    }

    private static async Task<DestinationObject> ListedAsync(CountingDestination store, string key)
    {
        await foreach (var o in store.ListObjectsAsync(key, Ct))
        {
            return o;
        }

        throw new InvalidOperationException(key);
    }

    private static Task<DestinationWriteResult> PutAsync(IDestination store, string key, byte[] content) =>
        store.PutObjectAsync(key, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string>(), WriteKind.Internal, Ct);
}
