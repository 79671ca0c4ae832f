using CostSync.Sync;
using CostSync.Sync.Ledger;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Ledger;

/// <summary>
/// The ledger through the whole engine, on every store: segments written during the run and never rewritten, compaction into
/// snapshots, the legacy <c>ledger.jsonl</c> carried over, adoption after an interrupted run, KMS-like ETags, two writers at once.
/// </summary>
public abstract class LedgerContract : StoreContract
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Run_FlushThresholdReached_SegmentsAreWrittenWhileCopiesContinue()
    {
        Harness.LedgerSettings = new LedgerSettings { FlushEveryEntries = 2 };
        Harness.TransferOptions.MaxConcurrentObjects = 1;
        foreach (var name in new[] { "a.csv.gz", "b.csv.gz", "c.csv.gz", "d.csv.gz", "z-last.csv.gz" })
        {
            Harness.Source.Put(name, 1000);
        }

        var gate = new TaskCompletionSource();
        Harness.Source.GateName = "z-last.csv.gz";
        Harness.Source.GetGate = gate.Task;
        await using var sut = Store();

        var run = Harness.RunAsync(sut, Ct);
        Assert.True(await Task.WhenAny(Harness.Source.GetEntered.Task, run) != run, "the run ended before it reached the last object");
        var duringRun = await LedgerContents.RecordedKeysAsync(sut, Root, Ct);
        var segmentsDuringRun = await LedgerContents.KeysAsync(sut, Root, Ct);
        gate.SetResult();
        var result = await run;

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(["archive/oci/a.csv.gz", "archive/oci/b.csv.gz", "archive/oci/c.csv.gz", "archive/oci/d.csv.gz"], duringRun.Order(StringComparer.Ordinal));
        Assert.Equal(2, segmentsDuringRun.Count);
        var segments = await LedgerContents.KeysAsync(sut, Root, Ct);
        Assert.Equal(3, segments.Count);
        Assert.All(segmentsDuringRun, k => Assert.Contains(k, segments));
        Assert.All(segments, k => Assert.Matches(@"^archive/oci/\.costsync/ledger/\d{4}/run-1-[0-9a-f]{4}-\d{4}\.jsonl$", k));
        Assert.Contains("archive/oci/z-last.csv.gz", await LedgerContents.RecordedKeysAsync(sut, Root, Ct));
    }

    [Fact]
    public async Task Run_FlushIntervalElapses_WaitingEntriesAreWrittenBeforeTheRunEnds()
    {
        Harness.LedgerSettings = new LedgerSettings { FlushEveryEntries = 1000, FlushInterval = TimeSpan.FromSeconds(30) };
        Harness.TransferOptions.MaxConcurrentObjects = 1;
        Harness.Source.Put("a.csv.gz", 1000);
        Harness.Source.Put("b.csv.gz", 1000);
        Harness.Source.Put("z-slow.csv.gz", 1000);
        var gate = new TaskCompletionSource();
        Harness.Source.GateName = "z-slow.csv.gz";
        Harness.Source.GetGate = gate.Task;
        await using var sut = new HookedDestination(Store());
        var segmentWritten = sut.WaitForPutAsync(k => k.Contains("/.costsync/ledger/", StringComparison.Ordinal));

        var run = Harness.RunAsync(sut, Ct);
        Assert.True(await Task.WhenAny(Harness.Source.GetEntered.Task, run) != run, "the run ended before it reached the slow object");
        Assert.Empty(await LedgerContents.KeysAsync(sut, Root, Ct));
        Harness.Time.Advance(TimeSpan.FromSeconds(30));
        await segmentWritten.WaitAsync(Ct);
        var duringRun = await LedgerContents.RecordedKeysAsync(sut, Root, Ct);
        gate.SetResult();
        await run;

        Assert.Equal(["archive/oci/a.csv.gz", "archive/oci/b.csv.gz"], duringRun.Order(StringComparer.Ordinal));
        Assert.Equal(2, (await LedgerContents.KeysAsync(sut, Root, Ct)).Count);
    }

    [Fact]
    public async Task Run_InterruptedAfterCopiesBeforeTheLedgerWrite_NextRunAdoptsEachCopyOnceAndCopiesNothing()
    {
        Harness.Source.Put("reports/cost-csv/0001.csv.gz", 3000);
        Harness.Source.Put("reports/cost-csv/0002.csv.gz", 4000);
        await using var sut = new HookedDestination(Store());
        await Harness.RunAsync(sut, Ct);
        string[] arrived = ["reports/cost-csv/0003.csv.gz", "reports/cost-csv/0004.csv.gz", "FOCUS Reports/2026/11/24/multipart source.csv.gz", "FOCUS Reports/2026/11/24/large.csv.gz"];
        Harness.Source.Put(arrived[0], 5000);
        Harness.Source.Put(arrived[1], 6000);
        Harness.Source.Put(arrived[2], 7000, multipartParts: 2);
        Harness.Source.Put(arrived[3], 13 * MiB);

        // The run copies, then dies before any ledger write lands (as a kill between CompleteMultipartUpload and the flush would).
        sut.FailPut = key => key.Contains("/.costsync/", StringComparison.Ordinal) ? new IOException("Injected: the process died here.") : null;
        var interrupted = await Harness.RunAsync(sut, Ct);
        sut.FailPut = null;
        Assert.Equal(4, interrupted.Totals.Copied);
        Assert.Contains("ledger", interrupted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(arrived.Select(n => Root + n), (await LedgerContents.RecordedKeysAsync(sut, Root, Ct)).Contains);

        Harness.Source.ResetCounters();
        var counting = new CountingDestination(sut);
        var healed = await Harness.RunAsync(counting, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, healed.Status);
        Assert.Equal(6, healed.Totals.Skipped);
        Assert.Equal(0, Harness.Source.GetCalls);
        Assert.Equal(arrived.Select(n => Root + n).Order(StringComparer.Ordinal), counting.Calls.Where(c => c.Operation == "Head").Select(c => c.Key).Order(StringComparer.Ordinal));
        var entries = await LedgerContents.EntriesAsync(sut, Root, Ct);
        foreach (var name in arrived)
        {
            var adopted = Assert.Single(entries, e => e.Key == Root + name);
            Assert.Equal(("run-2", "run-3", Harness.Source[name].ETag, Harness.Source[name].Content.Length), (adopted.RunId, adopted.AdoptedBy, adopted.ETag, adopted.Size));
        }

        counting.Clear();
        await Harness.RunAsync(counting, Ct);
        Assert.DoesNotContain(counting.Calls, c => c.Operation is "Head" or "Put" or "BeginMultipart");
    }

    [Fact]
    public async Task Run_KmsLikeETagsAndUnrecordedCopies_AreAdoptedNotCopiedAgain()
    {
        // ETags that are not MD5s (default SSE-KMS): only the ledger and the objects' metadata can say "unchanged".
        await using var sut = new HookedDestination(Store()) { KmsLikeETags = true };
        Harness.Source.Put("reports/cost-csv/0000.csv.gz", 2000);
        await Harness.RunAsync(sut, Ct);
        for (var i = 1; i < 4; i++)
        {
            Harness.Source.Put($"reports/cost-csv/{i:D4}.csv.gz", 2000 + i, multipartParts: i == 3 ? 2 : null);
        }

        Harness.Source.Put("FOCUS Reports/large.csv.gz", 13 * MiB);
        sut.FailPut = key => key.Contains("/.costsync/", StringComparison.Ordinal) ? new IOException("Injected: no ledger write.") : null;
        var unrecorded = await Harness.RunAsync(sut, Ct);
        sut.FailPut = null;
        Assert.Equal(4, unrecorded.Totals.Copied);
        Harness.Source.ResetCounters();

        var adopted = await Harness.RunAsync(sut, Ct);
        var unchanged = await Harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.Succeeded, 5, 0), (adopted.Status, adopted.Totals.Skipped, adopted.Totals.Changed));
        Assert.Equal((SyncRunStatus.Succeeded, 5), (unchanged.Status, unchanged.Totals.Skipped));
        Assert.Equal(0, Harness.Source.GetCalls);
        Assert.Equal(5, (await LedgerContents.RecordedKeysAsync(sut, Root, Ct)).Count);
    }

    [Fact]
    public async Task Run_EnoughSegments_CompactsIntoASnapshotThatLaterRunsReadInsteadOfThem()
    {
        Harness.LedgerSettings = new LedgerSettings { FlushEveryEntries = 1, CompactAfterSegments = 3 };
        Harness.TransferOptions.MaxConcurrentObjects = 1;
        for (var i = 0; i < 5; i++)
        {
            Harness.Source.Put($"reports/cost-csv/{i:D4}.csv.gz", 1000 + i);
        }

        await using var sut = new CountingDestination(Store());
        await Harness.RunAsync(sut, Ct);
        var afterFirst = await LedgerContents.KeysAsync(sut.Inner, Root, Ct);
        sut.Clear();

        var unchanged = await Harness.RunAsync(sut, Ct);
        var unchangedReads = sut.Calls.Where(c => c.Operation == "Get").Select(c => c.Key).ToList();
        Harness.Source.Put("reports/cost-csv/0005.csv.gz", 1005);
        await Harness.RunAsync(sut, Ct);
        sut.Clear();
        await Harness.RunAsync(sut, Ct);
        var laterReads = sut.Calls.Where(c => c.Operation == "Get").Select(c => c.Key).ToList();

        var snapshot = Assert.Single(afterFirst, k => k.StartsWith(Root + ".costsync/ledger/snapshots/", StringComparison.Ordinal));
        Assert.Equal(5, afterFirst.Count(k => !k.Contains("/snapshots/", StringComparison.Ordinal)));
        Assert.Equal(5, unchanged.Totals.Skipped);
        Assert.Equal([snapshot], unchangedReads);
        Assert.Equal(2, laterReads.Count);
        Assert.Equal(snapshot, laterReads[0]);
        var finalKeys = await LedgerContents.KeysAsync(sut.Inner, Root, Ct);
        Assert.All(afterFirst, k => Assert.Contains(k, finalKeys));
        Assert.Equal(6, (await LedgerContents.RecordedKeysAsync(sut.Inner, Root, Ct)).Count);
    }

    [Fact]
    public async Task Run_LegacyLedgerJsonl_IsCarriedOverOnceAndNeverChanged()
    {
        for (var i = 0; i < 4; i++)
        {
            Harness.Source.Put($"reports/cost-csv/{i:D4}.csv.gz", 1000 + i);
        }

        await using var sut = new CountingDestination(Store());
        await Harness.RunAsync(sut, Ct);

        // What an older CostSync left: the same entries in one ledger.jsonl, and no segments.
        var lines = new List<string>();
        foreach (var key in await LedgerContents.KeysAsync(sut.Inner, Root, Ct))
        {
            lines.AddRange(await LedgerContents.LinesAsync(sut.Inner, key, Ct));
            await sut.Inner.DeleteObjectAsync(key, Ct);
        }

        var legacy = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.Replace("\"runId\":\"run-1\"", "\"runId\":\"legacy\"", StringComparison.Ordinal))) + "\n");
        await sut.Inner.PutObjectAsync(Root + ".costsync/ledger.jsonl", legacy, Convert.ToBase64String(CostSync.Sync.Integrity.Md5Digests.Hash(legacy)), new Dictionary<string, string>(), CostSync.Sync.Destinations.WriteKind.Internal, Ct);
        sut.Clear();

        var carried = await Harness.RunAsync(sut, Ct);
        var carriedCalls = sut.Calls.ToList();
        sut.Clear();
        var next = await Harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.Succeeded, 4), (carried.Status, carried.Totals.Skipped));
        Assert.DoesNotContain(carriedCalls, c => c.Operation is "Head" or "Delete" || (c.Operation == "Put" && c.Key.EndsWith("ledger.jsonl", StringComparison.Ordinal)));
        Assert.Contains(carriedCalls, c => c.Operation == "Get" && c.Key == Root + ".costsync/ledger.jsonl");
        var snapshot = Assert.Single(carriedCalls, c => c.Operation == "Put").Key;
        Assert.StartsWith(Root + ".costsync/ledger/snapshots/", snapshot, StringComparison.Ordinal);
        Assert.Equal(4, next.Totals.Skipped);
        Assert.Equal([snapshot], sut.Calls.Where(c => c.Operation == "Get").Select(c => c.Key));
        Assert.Equal(legacy, await ReadBytesAsync(sut.Inner, Root + ".costsync/ledger.jsonl"));
        Assert.All(await LedgerContents.EntriesAsync(sut.Inner, Root, Ct), e => Assert.Equal("legacy", e.RunId));
    }

    [Fact]
    public async Task Run_TwoEnginesOnOnePrefixAtOnce_LoseNoLedgerEntry()
    {
        // Two processes with their own state, each with its share of the reports, both planning before either records anything.
        await using var other = new SyncHarness { DestinationOptions = Harness.DestinationOptions, LedgerSettings = new LedgerSettings { FlushEveryEntries = 3 } };
        Harness.LedgerSettings = new LedgerSettings { FlushEveryEntries = 3 };
        Harness.SourceOptions.Include.Add("reports/**");
        other.SourceOptions.Include.Add("FOCUS Reports/**");
        foreach (var source in new[] { Harness.Source, other.Source })
        {
            for (var i = 0; i < 8; i++)
            {
                source.Put($"reports/cost-csv/{i:D4}.csv.gz", 1000 + i);
                source.Put($"FOCUS Reports/2026/11/{i:D2}/focus.csv.gz", 2000 + i);
            }
        }

        var gateA = new TaskCompletionSource();
        var gateB = new TaskCompletionSource();
        (Harness.Source.GateName, Harness.Source.GetGate) = ("reports/cost-csv/0000.csv.gz", gateA.Task);
        (other.Source.GateName, other.Source.GetGate) = ("FOCUS Reports/2026/11/00/focus.csv.gz", gateB.Task);
        await using var a = Store();
        await using var b = Store();

        var runA = Harness.RunAsync(a, Ct);
        var runB = other.RunAsync(b, Ct);
        await Task.WhenAll(Harness.Source.GetEntered.Task, other.Source.GetEntered.Task).WaitAsync(Ct);
        gateA.SetResult();
        gateB.SetResult();
        var results = await Task.WhenAll(runA, runB);

        Assert.All(results, r => Assert.Equal((SyncRunStatus.Succeeded, 8), (r.Status, r.Totals.Copied)));
        var recorded = await LedgerContents.RecordedKeysAsync(a, Root, Ct);
        var archived = (await KeysAsync(a, Root)).Where(k => !k.Contains("/.costsync/", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, archived.Count);
        Assert.All(archived, k => Assert.Contains(k, recorded));
        var third = await Harness.RunAsync(a, Ct);
        Assert.Equal(8, third.Totals.Skipped);
    }
}
