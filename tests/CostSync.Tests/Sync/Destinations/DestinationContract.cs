using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

/// <summary>
/// The behaviour every destination must show, run through the whole engine: S3 (Swift) and Directory each subclass this once.
/// Sources come from <see cref="FakeObjectStorageClient"/>, which counts calls and injects faults.
/// </summary>
public abstract class DestinationContract : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;

    // Base64 MD5 of 100 zero bytes.
    private static readonly string EmptyHundredMd5 = Convert.ToBase64String(Convert.FromHexString("6D0BB00954CEB7FBEE436BB55A8397A9"));

    protected SyncHarness Harness { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Harness.DestinationOptions = await CreateStoreAsync(Ct);
        Harness.DestinationOptions.Prefix = "/archive/oci/";
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a fresh, empty store (bucket or folder) and returns options pointing at it.</summary>
    protected abstract Task<DestinationOptions> CreateStoreAsync(CancellationToken cancellationToken);

    /// <summary>A destination on the store, as the factory would build it for a run.</summary>
    protected abstract IDestination CreateDestination(DestinationOptions options);

    [Fact]
    public async Task Run_InitialSyncOfGeneratedTree_EveryObjectEqualsSource()
    {
        var names = GenerateTree(150);
        await using var sut = Counting();

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(names.Count, result.Totals.Copied);
        foreach (var name in names)
        {
            await AssertStoredEqualsSourceAsync(sut, name);
        }
    }

    [Fact]
    public async Task Run_SecondRunWithNothingNew_SendsOnlyListingsAndOneLedgerRead()
    {
        var names = GenerateTree(40);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        Harness.Source.ResetCounters();
        sut.Clear();

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(names.Count, result.Totals.Skipped);
        Assert.Equal(0, Harness.Source.GetCalls);
        Assert.Equal(0, Harness.Source.HeadCalls);
        Assert.Equal(1, Harness.Source.ListCalls);
        Assert.All(sut.Calls, c => Assert.Contains(c.Operation, new[] { "List", "ListUploads", "Get" }));
        Assert.Single(sut.Calls, c => c.Operation == "List");
        var ledgerRead = Assert.Single(sut.Calls, c => c.Operation == "Get");
        Assert.Equal(Assert.Single(await LedgerContents.KeysAsync(sut.Inner, "archive/oci/", Ct)), ledgerRead.Key);
        Assert.StartsWith("archive/oci/.costsync/ledger/", ledgerRead.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChangedSourceObject_IsCopiedAgainAndRecordedInLedger()
    {
        Harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 3000);
        Harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 4000);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        var changed = Harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 4100, seed: 77);

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(1, result.Totals.Changed);
        Assert.Equal(1, result.Totals.Skipped);
        await AssertStoredEqualsSourceAsync(sut, changed.Name);
        var lines = new List<string>();
        foreach (var key in await LedgerContents.KeysAsync(sut.Inner, "archive/oci/", Ct))
        {
            lines.AddRange(await LedgerContents.LinesAsync(sut.Inner, key, Ct));
        }

        var last = Assert.Single(lines, l => l.Contains("\"runId\":\"run-2\"", StringComparison.Ordinal) && l.Contains("\"key\":\"archive/oci/" + changed.Name, StringComparison.Ordinal));
        Assert.Contains(changed.ETag, last, StringComparison.Ordinal);
        Assert.Contains("\"size\":4100", last, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceMd5", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CancelledMidCopy_LeavesNoObjectNoUploadAndRecordsCompletedOnes()
    {
        Harness.TransferOptions.MaxConcurrentObjects = 1;
        Harness.Source.Put("a-small.csv.gz", 1000);
        Harness.Source.Put("b-big.csv.gz", 14 * MiB);
        var gate = new TaskCompletionSource();
        Harness.Source.GateName = "b-big.csv.gz";
        Harness.Source.GetGate = gate.Task;
        await using var sut = Counting();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var run = Harness.RunAsync(sut, cts.Token);
        var entered = await Task.WhenAny(Harness.Source.GetEntered.Task, run);
        Assert.True(entered != run, "the run ended before it started reading the big object");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Null(await sut.HeadObjectAsync("archive/oci/b-big.csv.gz", Ct));
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync("archive/oci/", Ct)));
        Assert.Contains("archive/oci/a-small.csv.gz", await LedgerContents.RecordedKeysAsync(sut.Inner, "archive/oci/", Ct));

        Harness.Source.GetGate = null;
        var next = await Harness.RunAsync(sut, Ct);
        Assert.Equal((1, 1), (next.Totals.Copied, next.Totals.Skipped));
        await AssertStoredEqualsSourceAsync(sut, "b-big.csv.gz");
    }

    [Fact]
    public async Task Run_StaleIncompleteUpload_IsAbortedByNextRun()
    {
        Harness.Source.Put("reports/cost-csv/0003-00001.csv.gz", 100);
        await using var sut = Counting();
        var upload = await sut.BeginMultipartUploadAsync("archive/oci/left-by-a-crash.csv.gz", new Dictionary<string, string>(), Ct);
        await upload.UploadPartAsync(1, 0, new byte[100], new ContentDigests(EmptyHundredMd5), Ct);
        Assert.Single(await ToListAsync(sut.ListIncompleteUploadsAsync("archive/oci/", Ct)));
        Harness.Time.Advance(TimeSpan.FromDays(2));

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync("archive/oci/", Ct)));
        Assert.Null(await sut.HeadObjectAsync("archive/oci/left-by-a-crash.csv.gz", Ct));
    }

    [Fact]
    public async Task Run_TransientSourceFaults_AreRetriedToSuccess()
    {
        Harness.Source.Put("small-503.csv.gz", 5000);
        Harness.Source.Put("small-429.csv.gz", 5000);
        Harness.Source.Put("small-truncated.csv.gz", 5000);
        Harness.Source.Put("big-truncated.csv.gz", 12 * MiB);
        Harness.Source.InjectFaults("small-503.csv.gz", FakeGetFault.ServiceUnavailable, FakeGetFault.ServiceUnavailable);
        Harness.Source.InjectFaults("small-429.csv.gz", FakeGetFault.TooManyRequests);
        Harness.Source.InjectFaults("small-truncated.csv.gz", FakeGetFault.TruncatedBody);
        Harness.Source.InjectFaults("big-truncated.csv.gz", FakeGetFault.TruncatedBody, FakeGetFault.ServiceUnavailable);
        await using var sut = Counting();

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        foreach (var o in Harness.Source.Objects)
        {
            await AssertStoredEqualsSourceAsync(sut, o.Name);
        }
    }

    [Fact]
    public async Task Run_FlippedByteOnEveryAttempt_IsDetectedNeverStoredAndOthersStillCopied()
    {
        Harness.Source.Put("always-flipped.csv.gz", 9000);
        Harness.Source.Put("flipped-once.csv.gz", 9000);
        Harness.Source.Put("fine.csv.gz", 9000);
        Harness.Source.InjectFaults("always-flipped.csv.gz", FakeGetFault.FlippedByte, FakeGetFault.FlippedByte, FakeGetFault.FlippedByte);
        Harness.Source.InjectFaults("flipped-once.csv.gz", FakeGetFault.FlippedByte);
        await using var sut = Counting();

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.PartiallyFailed, result.Status);
        var failed = Assert.Single(result.Outcomes, o => !o.Succeeded);
        Assert.Equal("always-flipped.csv.gz", failed.Name);
        // OCI's CRC-32C is checked first (the source's MD5 then goes out as Content-MD5 without a second pass)
        Assert.Contains("CRC-32C", failed.Error, StringComparison.Ordinal);
        Assert.Null(await sut.HeadObjectAsync("archive/oci/always-flipped.csv.gz", Ct));
        Assert.DoesNotContain(sut.Calls, c => c.Operation == "Put" && c.Key.EndsWith("always-flipped.csv.gz", StringComparison.Ordinal));
        await AssertStoredEqualsSourceAsync(sut, "flipped-once.csv.gz");
        await AssertStoredEqualsSourceAsync(sut, "fine.csv.gz");
    }

    [Fact]
    public async Task Run_AppendOnlyWithEverySourceGone_DeletesNothingAndKeepsEveryArchivedByte()
    {
        var names = GenerateTree(6);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        var archived = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            archived[name] = Convert.ToHexStringLower(await ReadAllAsync(sut.Inner, "archive/oci/" + name));
        }

        foreach (var o in Harness.Source.Objects.ToList())
        {
            Harness.Source.Remove(o.Name);
        }

        sut.Clear();
        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(DestinationMode.AppendOnly, Harness.DestinationOptions.Mode);
        Assert.Equal(0, result.Totals.Deleted);
        Assert.DoesNotContain(sut.Calls, c => c.Operation == "Delete");
        foreach (var name in names)
        {
            Assert.Equal(archived[name], Convert.ToHexStringLower(await ReadAllAsync(sut.Inner, "archive/oci/" + name)));
        }

        var entries = await LedgerContents.EntriesAsync(sut.Inner, "archive/oci/", Ct);
        Assert.All(names, n => Assert.Contains(entries, e => e.Key == "archive/oci/" + n && e.Deleted != true));
    }

    [Fact]
    public async Task Run_MirrorWithEmptySourceListing_RefusesAndDeletesNothing()
    {
        GenerateTree(5);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        foreach (var o in Harness.Source.Objects.ToList())
        {
            Harness.Source.Remove(o.Name);
        }

        Harness.DestinationOptions.Mode = DestinationMode.Mirror;
        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, result.Status);
        Assert.Contains("source listing is empty", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Calls, c => c.Operation == "Delete");
        Assert.Equal(5, (await ToListAsync(sut.ListObjectsAsync("archive/oci/", Ct))).Count(o => !o.Key.Contains(".costsync", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_MirrorWithOneSourceGone_DeletesOnlyThatObjectAndKeepsLedger()
    {
        var names = GenerateTree(10);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        Harness.Source.Remove(names[3]);
        Harness.DestinationOptions.Mode = DestinationMode.Mirror;
        Harness.DestinationOptions.MirrorMaxDeleteShare = 0.2;

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(1, result.Totals.Deleted);
        Assert.Equal([("Delete", "archive/oci/" + names[3])], sut.Calls.Where(c => c.Operation == "Delete"));
        var entries = await LedgerContents.EntriesAsync(sut.Inner, "archive/oci/", Ct);
        Assert.Contains(entries, e => e.Key == "archive/oci/" + names[3] && e.Deleted == true);
        Assert.Equal(names.Count, entries.Count(e => e.Deleted != true));
    }

    [Fact]
    public async Task Run_LedgerLost_ObjectsAreAdoptedFromMetadataOnceWithoutCopying()
    {
        var names = GenerateTree(8);
        await using var sut = Counting();
        await Harness.RunAsync(sut, Ct);
        foreach (var key in await LedgerContents.KeysAsync(sut.Inner, "archive/oci/", Ct))
        {
            await sut.DeleteObjectAsync(key, Ct);
        }

        Harness.Source.ResetCounters();
        sut.Clear();

        var adopted = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, adopted.Status);
        Assert.Equal(names.Count, adopted.Totals.Skipped);
        Assert.Equal(0, Harness.Source.GetCalls);
        Assert.Equal(names.Count, sut.Calls.Count(c => c.Operation == "Head"));
        var entries = await LedgerContents.EntriesAsync(sut.Inner, "archive/oci/", Ct);
        Assert.Equal(names.Select(n => "archive/oci/" + n).Order(StringComparer.Ordinal), entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(("run-2", "run-1"), (e.AdoptedBy, e.RunId)));
        sut.Clear();
        await Harness.RunAsync(sut, Ct);
        Assert.DoesNotContain(sut.Calls, c => c.Operation is "Head" or "Put");
    }

    [Fact]
    public async Task Run_TenancyFolder_PutsObjectsAtPrefixTenancyName()
    {
        Harness.Source.Put("FOCUS Reports/2026/11/24/focus.csv.gz", 700);
        Harness.DestinationOptions.IncludeTenancyFolder = true;
        await using var sut = Counting();

        var progress = new CollectingProgress();
        var result = await Harness.RunAsync(sut, Ct, progress);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.NotNull(await sut.HeadObjectAsync($"archive/oci/{SyncHarness.Tenancy}/FOCUS Reports/2026/11/24/focus.csv.gz", Ct));
        var last = progress.Reports[^1];
        Assert.Equal((1, 1, 700L, 700L), (last.ObjectsDone, last.ObjectsTotal, last.BytesDone, last.BytesTotal));
    }

    [Fact]
    public async Task CopyObject_ExistingObject_CopiesBytesAndMetadataUnderTheNewKey()
    {
        await using var sut = Counting();
        var content = new GeneratedContent(70_000, 9).ToArray();
        var written = await sut.PutObjectAsync("archive/oci/r (1).csv.gz", content, new ContentDigests(Convert.ToBase64String(CostSync.Sync.Integrity.Md5Digests.Hash(content))), new Dictionary<string, string> { ["costsync-source-etag"] = "src-1" }, WriteKind.Report, Ct);
        var etag = (await sut.HeadObjectAsync("archive/oci/r (1).csv.gz", Ct))!.ETag;

        var copied = await sut.CopyObjectAsync("archive/oci/r (1).csv.gz", etag, content.Length, "archive/oci/.costsync/superseded/r (1).csv.gz/" + written.ETag, Ct);

        var copy = await sut.HeadObjectAsync("archive/oci/.costsync/superseded/r (1).csv.gz/" + written.ETag, Ct);
        Assert.Equal(("src-1", content.Length, copied.ETag), (copy!.Metadata["costsync-source-etag"], copy.Size, copy.ETag));
        await using var stream = await sut.OpenReadAsync(copy.Key, Ct);
        using var bytes = new MemoryStream();
        await stream!.CopyToAsync(bytes, Ct);
        Assert.Equal(content, bytes.ToArray());
        Assert.DoesNotContain((await ToListAsync(sut.ListObjectsAsync("archive/oci/", Ct))).Select(o => o.Key), k => k.Contains("/.costsync/tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70_000)]
    public async Task OpenRead_WrittenObject_ReturnsExactlyItsBytes(int size)
    {
        await using var sut = Counting();
        var content = new GeneratedContent(size, 4).ToArray();
        await sut.PutObjectAsync("archive/oci/read.csv.gz", content, new ContentDigests(Convert.ToBase64String(CostSync.Sync.Integrity.Md5Digests.Hash(content))), new Dictionary<string, string>(), WriteKind.Report, Ct);

        await using var stream = await sut.OpenReadAsync("archive/oci/read.csv.gz", Ct);

        using var bytes = new MemoryStream();
        await stream!.CopyToAsync(bytes, Ct);
        Assert.Equal(content, bytes.ToArray());
        Assert.Null(await sut.OpenReadAsync("archive/oci/absent.csv.gz", Ct));
    }

    [Fact]
    public async Task CopyObject_SourceETagChanged_RejectedAndNothingCopied()
    {
        await using var sut = Counting();
        var content = new byte[100];
        await sut.PutObjectAsync("archive/oci/r.csv.gz", content, new ContentDigests(EmptyHundredMd5), new Dictionary<string, string>(), WriteKind.Report, Ct);

        var error = await Assert.ThrowsAsync<DestinationRejectedException>(() => sut.CopyObjectAsync("archive/oci/r.csv.gz", "0123456789abcdef0123456789abcdef", 100, "archive/oci/copy", Ct));

        Assert.Contains("no longer has ETag", error.Message, StringComparison.Ordinal);
        Assert.Null(await sut.HeadObjectAsync("archive/oci/copy", Ct));
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync("archive/oci/", Ct)));
    }

    protected CountingDestination Counting() => new(CreateDestination(Harness.DestinationOptions));

    private static async Task<byte[]> ReadAllAsync(IDestination destination, string key)
    {
        await using var stream = await destination.OpenReadAsync(key, Ct);
        Assert.True(stream is not null, $"{key} is missing");
        return await System.Security.Cryptography.SHA256.HashDataAsync(stream, Ct);
    }

    protected async Task AssertStoredEqualsSourceAsync(IDestination destination, string name)
    {
        var source = Harness.Source[name];
        var key = "archive/oci/" + name;
        await using var stream = await destination.OpenReadAsync(key, Ct);
        Assert.True(stream is not null, $"{key} is missing");
        using var md5 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.MD5);
        var buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            md5.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(source.Content.Length, total);
        Assert.Equal(Convert.ToHexString(FakeObject.Md5Of(source.Content, 0, source.Content.Length)), Convert.ToHexString(md5.GetHashAndReset()));
        var details = await destination.HeadObjectAsync(key, Ct);
        Assert.Equal(source.ETag, details!.Metadata["costsync-source-etag"]);
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items)
        {
            list.Add(i);
        }

        return list;
    }

    /// <summary>Cost-report-shaped names incl. spaces, unicode and punctuation, a zero-byte object, multipart sources and one object above the multipart threshold.</summary>
    private List<string> GenerateTree(int count)
    {
        string[] odd =
        [
            "FOCUS Reports/2026/11/24/focus report (1).csv.gz",
            "FOCUS Reports/2026/11/24/a+b=c&d.csv.gz",
            "reports/usage-csv/ünïcødé-名前.csv.gz",
            "reports/cost-csv/with'quote,comma;semicolon.csv.gz",
            "reports/cost-csv/percent%20literal.csv.gz",
            "reports/empty-zero-byte.csv.gz",
        ];
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = i < odd.Length ? odd[i] : $"reports/cost-csv/{1000760749 + i:D16}-00001.csv.gz";
            long size = name.Contains("zero-byte", StringComparison.Ordinal) ? 0 : 1000 + (i * 7919 % 60000);
            int? multipartParts = i % 10 == 7 ? 3 : null;
            if (i == count - 1 && count >= 20)
            {
                size = 13 * MiB; // above the 6 MiB threshold: multipart with 5 MiB parts
            }
            else if (i == count - 2 && count >= 20)
            {
                (size, multipartParts) = (7 * MiB, 2); // a multipart-uploaded source copied as multipart
            }

            Harness.Source.Put(name, size, multipartParts: multipartParts);
            names.Add(name);
        }

        return names;
    }

    private sealed class CollectingProgress : IProgress<SyncProgress>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<SyncProgress> _reports = new();

        public IReadOnlyList<SyncProgress> Reports => [.. _reports];

        public void Report(SyncProgress value) => _reports.Enqueue(value);
    }
}
