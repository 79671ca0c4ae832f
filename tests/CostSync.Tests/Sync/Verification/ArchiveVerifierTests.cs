using CostSync.Sync;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Verification;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Sync.Verification;

/// <summary>The verifier on a local folder archived by the real engine: what it proves, what it finds, and how it samples.</summary>
public sealed class ArchiveVerifierTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-verify-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SyncHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_IntactArchive_ReadsEveryObjectBackAndComparesMd5AndCrc32c()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        var sut = await ArchiveAsync();
        var progress = new CollectingProgress();

        var report = await VerifyAsync(sut, progress: progress);

        Assert.True(report.Intact, string.Join("\n", report.Problems));
        Assert.Equal((2, 2, 5000L + 13 * MiB), (report.Recorded, report.ReadBack.Count, report.BytesRead));
        Assert.Equal("size, MD5, CRC-32C", Assert.Single(report.ReadBack, r => r.Key.StartsWith("reports/", StringComparison.Ordinal)).Compared);
        Assert.Equal("size, CRC-32C", Assert.Single(report.ReadBack, r => r.Key.StartsWith("FOCUS", StringComparison.Ordinal)).Compared);
        Assert.Empty(report.Notes);
        Assert.Equal((2, 2, 5000L + 13 * MiB), (progress.Last!.ObjectsDone, progress.Last.ObjectsTotal, progress.Last.BytesDone));
    }

    [Fact]
    public async Task Verify_BytesReplacedKeepingTheSize_ChangedWithBothDigestsAndTheFix()
    {
        var o = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var sut = await ArchiveAsync();
        var path = Path.Combine(_root, o.Name);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[1234] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var report = await VerifyAsync(sut);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((VerifyProblemKind.Changed, o.Name), (problem.Kind, problem.Key));
        Assert.Contains($"the ledger recorded {o.Md5}", problem.Detail, StringComparison.Ordinal);
        Assert.Contains($"CRC-32C", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(VerifyFixes.ChangedSilently, problem.Fix);
    }

    [Fact]
    public async Task Verify_ObjectDeletedAndAnotherTruncated_MissingAndChangedFromTheListingAlone()
    {
        var gone = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var cut = _harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 5000);
        var sut = await ArchiveAsync();
        File.Delete(Path.Combine(_root, gone.Name));
        await File.WriteAllBytesAsync(Path.Combine(_root, cut.Name), new byte[100], Ct);

        var report = await VerifyAsync(sut);

        Assert.Equal([(VerifyProblemKind.Missing, gone.Name), (VerifyProblemKind.Changed, cut.Name)], report.Problems.Select(p => (p.Kind, p.Key)));
        Assert.StartsWith("the ledger records it (5000 bytes, copied ", report.Problems[0].Detail, StringComparison.Ordinal);
        Assert.Equal(VerifyFixes.MissingReport, report.Problems[0].Fix);
        Assert.StartsWith("holds 100 bytes, the ledger recorded 5000", report.Problems[1].Detail, StringComparison.Ordinal);
        Assert.Empty(report.ReadBack);
    }

    [Fact]
    public async Task Verify_MultipartSourceWithoutCrc32c_SaysOnlyTheSizeCouldBeChecked()
    {
        var o = _harness.Source.Put("FOCUS Reports/2026/11/24/old.csv.gz", 300_000, multipartParts: 2, crc32c: false);
        var sut = await ArchiveAsync();
        await RewriteLedgerWithoutCrc32cAsync(sut);

        var report = await VerifyAsync(sut);

        Assert.True(report.Intact);
        Assert.Equal("size", Assert.Single(report.ReadBack).Compared);
        Assert.Equal($"{o.Name}: only its size could be checked (a multipart-uploaded source has no whole-object MD5, and the ledger recorded no CRC-32C for it)", Assert.Single(report.Notes));
    }

    [Fact]
    public async Task Verify_PreservedCopyDeleted_MissingWithTheRestoreFix()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000, seed: 1);
        var sut = await ArchiveAsync();
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 6000, seed: 2);
        var changed = await _harness.RunAsync(sut, Ct);
        var preserved = Assert.Single(changed.Outcomes).SupersededKey!;
        File.Delete(Path.Combine(_root, preserved));

        var report = await VerifyAsync(sut);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((VerifyProblemKind.Missing, preserved, VerifyFixes.MissingSuperseded), (problem.Kind, problem.Key, problem.Fix));
    }

    [Fact]
    public async Task Verify_SameSeed_ReadsTheSameSampleAndAnotherSeedAnother()
    {
        for (var i = 0; i < 40; i++)
        {
            _harness.Source.Put($"reports/cost-csv/{i:D4}-00001.csv.gz", 1000 + i);
        }

        var sut = await ArchiveAsync();

        var first = await VerifyAsync(sut, sample: 10, seed: 7);
        var again = await VerifyAsync(sut, sample: 10, seed: 7);
        var other = await VerifyAsync(sut, sample: 10, seed: 8);

        Assert.Equal(4, first.ReadBack.Count);
        Assert.Equal(first.ReadBack.Select(r => r.Key), again.ReadBack.Select(r => r.Key));
        Assert.NotEqual(first.ReadBack.Select(r => r.Key), other.ReadBack.Select(r => r.Key));
        Assert.Equal(40, first.Recorded);
    }

    [Fact]
    public async Task Verify_SampleWithAnObjectMissing_ListingChecksStillCoverEveryRecordedObject()
    {
        for (var i = 0; i < 20; i++)
        {
            _harness.Source.Put($"reports/cost-csv/{i:D4}-00001.csv.gz", 1000);
        }

        var sut = await ArchiveAsync();
        File.Delete(Path.Combine(_root, "reports/cost-csv/0013-00001.csv.gz"));

        var report = await VerifyAsync(sut, sample: 5, seed: 1);

        Assert.Single(report.ReadBack);
        Assert.Equal("reports/cost-csv/0013-00001.csv.gz", Assert.Single(report.Problems, p => p.Kind == VerifyProblemKind.Missing).Key);
    }

    [Fact]
    public async Task Verify_NamePrefix_ChecksOnlyThoseReports()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var focus = _harness.Source.Put("FOCUS Reports/2026/11/24/f.csv.gz", 5000);
        var sut = await ArchiveAsync();
        File.Delete(Path.Combine(_root, "reports/cost-csv/0001-00001.csv.gz"));

        var report = await VerifyAsync(sut, prefix: "FOCUS Reports/");

        Assert.True(report.Intact);
        Assert.Equal(focus.Name, Assert.Single(report.ReadBack).Key);
    }

    [Fact]
    public async Task Verify_AgainstSource_NewReportIsNotArchivedWithItsAgeAndACorrectedOneChangedAtTheSource()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000, seed: 1);
        _harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 5000);
        var sut = await ArchiveAsync();
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000, seed: 2);
        _harness.Source.Put("reports/cost-csv/0003-00001.csv.gz", 700, created: _harness.Time.GetUtcNow().AddDays(-3));
        _harness.Source.Remove("reports/cost-csv/0002-00001.csv.gz");

        var report = await VerifyAsync(sut, againstSource: true);

        Assert.Equal(
            [(VerifyProblemKind.ChangedAtSource, "reports/cost-csv/0001-00001.csv.gz"), (VerifyProblemKind.NotArchived, "reports/cost-csv/0003-00001.csv.gz")],
            report.Problems.Select(p => (p.Kind, p.Key)));
        Assert.Contains("MD5 differs", report.Problems[0].Detail, StringComparison.Ordinal);
        Assert.Contains("3 days ago, 700 bytes) but not in the archive", report.Problems[1].Detail, StringComparison.Ordinal);
        Assert.Equal((2, 1), (report.SourceListed, report.OnlyInArchive));
    }

    [Fact]
    public async Task Verify_AgainstSourceWithoutTheFlag_ListsNothingAtTheSource()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var sut = await ArchiveAsync();
        _harness.Source.ResetCounters();

        var report = await VerifyAsync(sut);

        Assert.Equal((0, null), (_harness.Source.ListCalls, report.SourceListed));
    }

    [Fact]
    public async Task Verify_ObjectThatCannotBeRead_UnreadableWithTheReasonAndTheOthersStillChecked()
    {
        var cold = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        _harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 5000);
        var sut = new HookedDestination(await ArchiveAsync())
        {
            FailRead = key => key == cold.Name ? new Amazon.S3.AmazonS3Exception("The operation is not valid for the object's storage class") { ErrorCode = "InvalidObjectState" } : null,
        };

        var report = await _harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(sut, new VerifyRequest(null, null, 0, false), null, Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((VerifyProblemKind.Unreadable, cold.Name, VerifyFixes.Unreadable), (problem.Kind, problem.Key, problem.Fix));
        Assert.Equal("could not be read back: The operation is not valid for the object's storage class", problem.Detail);
        Assert.Equal("reports/cost-csv/0002-00001.csv.gz", Assert.Single(report.ReadBack).Key);
    }

    [Fact]
    public async Task Verify_NothingRecorded_IntactButANoteNamesThePrefixSettings()
    {
        var report = await VerifyAsync(new DirectoryDestination(_root, overwriteProtection: false, _harness.Time));

        Assert.True(report.Intact);
        Assert.StartsWith("the ledger under `.costsync/ledger/` records no object, so there was nothing to verify", Assert.Single(report.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamePrefixNoRecordedReportHas_NoteNamesThePrefixNotAnEmptyLedger()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var sut = await ArchiveAsync();

        var report = await VerifyAsync(sut, prefix: "FOCUS Reports/");

        Assert.True(report.Intact);
        Assert.StartsWith("the ledger under `.costsync/ledger/` records no report whose name starts with `FOCUS Reports/` (`--prefix`)", Assert.Single(report.Notes), StringComparison.Ordinal);
    }

    [Theory]
    // ceil(count × percent), at least one, never more than all
    [InlineData(40, 10, 4)]
    [InlineData(41, 10, 5)]
    [InlineData(3, 0.1, 1)]
    [InlineData(3, 100, 3)]
    [InlineData(0, 50, 0)]
    public void Select_Percent_PicksCeilingOfTheShareInOriginalOrder(int count, double percent, int expected)
    {
        var items = Enumerable.Range(0, count).ToList();

        var sample = SampleSelector.Select(items, percent, seed: 99);

        Assert.Equal(expected, sample.Count);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(sample.Count, sample.Distinct().Count());
    }

    private async Task<DirectoryDestination> ArchiveAsync()
    {
        var destination = new DirectoryDestination(_root, overwriteProtection: false, _harness.Time);
        var result = await _harness.RunAsync(destination, Ct);
        Assert.True(result.Status == SyncRunStatus.Succeeded, result.Error ?? string.Join("; ", result.Outcomes.Select(o => o.Error)));
        return destination;
    }

    private Task<VerifyReport> VerifyAsync(DirectoryDestination destination, double? sample = null, int seed = 0, string? prefix = null, bool againstSource = false, IProgress<SyncProgress>? progress = null) =>
        _harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(destination, new VerifyRequest(prefix, sample, seed, againstSource), progress, Ct);

    /// <summary>Makes the ledger look like one written before CostSync recorded CRC-32Cs (older versions).</summary>
    private async Task RewriteLedgerWithoutCrc32cAsync(DirectoryDestination destination)
    {
        foreach (var key in await LedgerContents.KeysAsync(destination, string.Empty, Ct))
        {
            var path = Path.Combine(_root, key);
            var lines = (await File.ReadAllLinesAsync(path, Ct)).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"sourceCrc32c\":\"[^\"]*\",?", string.Empty).Replace(",}", "}", StringComparison.Ordinal));
            await File.WriteAllLinesAsync(path, lines, Ct);
        }
    }

    private sealed class CollectingProgress : IProgress<SyncProgress>
    {
        private readonly Lock _lock = new();

        public SyncProgress? Last { get; private set; }

        public void Report(SyncProgress value)
        {
            lock (_lock)
            {
                if (Last is null || value.BytesDone >= Last.BytesDone && value.ObjectsDone >= Last.ObjectsDone)
                {
                    Last = value;
                }
            }
        }
    }
}
