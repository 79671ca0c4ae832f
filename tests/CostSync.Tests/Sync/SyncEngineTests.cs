using CostSync.Sync;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Integrity;
using CostSync.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CostSync.Tests.Sync;

/// <summary>Engine rules that do not depend on the destination kind, checked on a local folder.</summary>
public sealed class SyncEngineTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-engine-" + Guid.NewGuid().ToString("N")[..8]);
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
    public async Task Plan_NewAndUnchangedObjects_LogsAReasonPerObjectAtDebugAndWritesNothing()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2026/11/24/f.csv.gz", 200);
        await using var sut = CreateDestination();

        var plan = await _harness.Engine.PlanAsync(new SyncRunContext("plan-1", sut), Ct);

        Assert.All(plan.Items, i => Assert.Equal(PlannedAction.CopyNew, i.Action));
        Assert.Equal(300, plan.BytesToCopy);
        Assert.False(Directory.Exists(_root));
        Assert.Equal(0, _harness.Source.GetCalls);
        var reasons = _harness.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Debug && r.Id.Id == 3001).Select(r => r.Message).ToList();
        Assert.Contains("reports/cost-csv/0001-00001.csv.gz: CopyNew (absent at destination)", reasons);
        Assert.Contains("FOCUS Reports/2026/11/24/f.csv.gz: CopyNew (absent at destination)", reasons);
    }

    [Fact]
    public async Task Run_IncludeAndExcludeGlobs_CopiesOnlyMatchingNames()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2024/01/01/old.csv.gz", 100);
        _harness.Source.Put("FOCUS Reports/2026/11/24/new.csv.gz", 100);
        _harness.Source.Put("other/ignored.txt", 100);
        _harness.SourceOptions.Include.Add("FOCUS Reports/**");
        _harness.SourceOptions.Include.Add("reports/**");
        _harness.SourceOptions.Exclude.Add("FOCUS Reports/2024/**");
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(["FOCUS Reports/2026/11/24/new.csv.gz", "reports/cost-csv/0001-00001.csv.gz"], result.Outcomes.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Totals.Listed);
    }

    [Fact]
    public async Task Run_SourceBucketMissing_ThrowsBecauseTheRunCannotStart()
    {
        _harness.SourceOptions.Bucket = "not-the-tenancy";
        await using var sut = CreateDestination();

        await Assert.ThrowsAsync<CostSync.Oci.OciServiceException>(() => _harness.RunAsync(sut, Ct));
    }

    [Fact]
    public async Task Run_EveryCopyFails_StatusFailedWithFirstError()
    {
        _harness.TransferOptions.MaxAttempts = 2;
        _harness.Source.Put("a.csv.gz", 100);
        _harness.Source.InjectFaults("a.csv.gz", FakeGetFault.ServiceUnavailable, FakeGetFault.ServiceUnavailable);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, result.Status);
        Assert.Equal(1, result.Totals.Failed);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DamagedReadsRetriedWholeObjects_CountsEachFurtherAttemptInTheTotals()
    {
        _harness.Source.Put("a.csv.gz", 1000);
        _harness.Source.Put("b.csv.gz", 7 * MiB);
        _harness.Source.Put("c.csv.gz", 1000);
        _harness.Source.InjectFaults("a.csv.gz", FakeGetFault.FlippedByte, FakeGetFault.TruncatedBody);
        _harness.Source.InjectFaults("b.csv.gz", FakeGetFault.FlippedByte);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.Succeeded, 3), (result.Status, result.Totals.Copied));
        Assert.Equal(3, result.Totals.ObjectRetries);
        Assert.Equal(3, _harness.Logs.GetSnapshot().Count(r => r.Id.Name == "CopyAttemptFailed"));
    }

    [Fact]
    public async Task Run_OverwriteProtection_RefusesReplacingAReportPreservesNothingAndRecordsTheOthers()
    {
        _harness.DestinationOptions.OverwriteProtection = true;
        _harness.Source.Put("a.csv.gz", 100);
        await using var sut = new DirectoryDestination(_root, overwriteProtection: true, _harness.Time);
        await _harness.RunAsync(sut, Ct);
        _harness.Source.Put("a.csv.gz", 120, seed: 5);
        _harness.Source.Put("b.csv.gz", 100);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.PartiallyFailed, result.Status);
        Assert.Contains("overwrite protection", Assert.Single(result.Outcomes, o => !o.Succeeded).Error, StringComparison.Ordinal);
        Assert.Equal(100, new FileInfo(Path.Combine(_root, "a.csv.gz")).Length);
        Assert.Contains("b.csv.gz", await LedgerContents.RecordedKeysAsync(sut, string.Empty, Ct));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_root, ".costsync"), "*", SearchOption.AllDirectories), f => f.Contains("superseded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ObjectsGoneAfterTheListing_AreSourceGoneNotFailures()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 1000);
        var goneSmall = _harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 1000);
        var goneBig = _harness.Source.Put("FOCUS Reports/2025/11/24/old.csv.gz", 7 * MiB);
        _harness.Source.GoneAfterListing(goneSmall.Name);
        _harness.Source.GoneAfterListing(goneBig.Name);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal((1, 0, 2), (result.Totals.Copied, result.Totals.Failed, result.Totals.SourceGone));
        Assert.All(result.Outcomes.Where(o => o.Name != "reports/cost-csv/0001-00001.csv.gz"), o => Assert.True(o.SourceGone && o.Succeeded && o.Error is null));
        Assert.False(File.Exists(Path.Combine(_root, goneSmall.Name)));
        Assert.False(File.Exists(Path.Combine(_root, goneBig.Name)));
        Assert.Equal(2, _harness.Logs.GetSnapshot().Count(r => r.Id.Name == "SourceGone"));
    }

    [Theory]
    // single part, multipart-uploaded source copied in one PUT, copied as multipart
    [InlineData(5000, null)]
    [InlineData(300_000, 2)]
    [InlineData(7 * MiB, 2)]
    public async Task Run_SourceWithoutOpcContentCrc32c_StillCopiesAndLogsWhatWasVerified(int size, int? multipartParts)
    {
        var o = _harness.Source.Put("reports/cost-csv/old.csv.gz", size, multipartParts: multipartParts, crc32c: false);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        var verified = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "ObjectVerified");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, verified.Level);
        Assert.Contains("no CRC-32C check (OCI sent no opc-content-crc32c)", verified.Message, StringComparison.Ordinal);
        Assert.Contains(multipartParts is null ? "MD5 matches the listing" : "no whole-object MD5 (multipart-uploaded source)", verified.Message, StringComparison.Ordinal);
        Assert.Equal(size, new FileInfo(Path.Combine(_root, o.Name)).Length);
    }

    [Theory]
    // a multipart-uploaded source has no whole-object MD5: OCI's CRC-32C is what catches the damage, in one PUT or in parts
    [InlineData(300_000)]
    [InlineData(13 * MiB)]
    public async Task Run_MultipartUploadedSourceWithAFlippedByteOnEveryRead_IsDetectedAndNothingIsStored(int size)
    {
        var o = _harness.Source.Put("FOCUS Reports/2026/11/24/multipart.csv.gz", size, multipartParts: 3);
        _harness.Source.FailRangeAlways(o.Name, 0, FakeGetFault.FlippedByte);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, result.Status);
        var failed = Assert.Single(result.Outcomes);
        Assert.Contains($"CRC-32C", failed.Error, StringComparison.Ordinal);
        Assert.Contains($"OCI stored {o.Crc32c}: damaged in transit; not stored", failed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, o.Name)));
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync(string.Empty, Ct)));
    }

    [Fact]
    public async Task Run_Copy_RecordsOciCrc32cInTheLedgerAndTheObjectMetadata()
    {
        var single = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        var big = _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        await using var sut = CreateDestination();

        await _harness.RunAsync(sut, Ct);

        var ledger = await LedgerContents.EntriesAsync(sut, string.Empty, Ct);
        foreach (var o in new[] { single, big })
        {
            Assert.Equal(o.Crc32c, Assert.Single(ledger, e => e.Name == o.Name).SourceCrc32c);
            var details = await sut.HeadObjectAsync(o.Name, Ct);
            Assert.Equal(o.Crc32c, details!.Metadata["costsync-source-crc32c"]);
        }
    }

    [Theory]
    // single part with MD5 and CRC-32C, without OCI's CRC-32C, a multipart-uploaded source in one PUT, and copied as multipart;
    // a single-part source copied as multipart: OCI's CRC-32C covers it and its whole-object MD5 is not computed, so only
    // without that CRC-32C does OCI's MD5 vouch
    [InlineData(5000, null, true, VerificationChecks.OciMd5 | VerificationChecks.OciCrc32c)]
    [InlineData(5000, null, false, VerificationChecks.OciMd5)]
    [InlineData(300_000, 2, true, VerificationChecks.OciCrc32c)]
    [InlineData(13 * MiB, 3, true, VerificationChecks.OciCrc32c)]
    [InlineData(13 * MiB, null, true, VerificationChecks.OciCrc32c)]
    [InlineData(13 * MiB, null, false, VerificationChecks.OciMd5)]
    public async Task Run_Copy_OutcomeNamesTheChecksThatVouchedForTheBytes(int size, int? multipartParts, bool ociCrc32c, VerificationChecks fromOci)
    {
        var o = _harness.Source.Put("FOCUS Reports/2026/11/24/f.csv.gz", size, multipartParts: multipartParts, crc32c: ociCrc32c);
        await using var sut = CreateDestination();

        var result = await _harness.RunAsync(sut, Ct);

        var copy = Assert.Single(result.Outcomes).Copy;
        Assert.NotNull(copy);
        // The folder checks Content-MD5 and CRC-32C like S3 and answers with the MD5 ETag and the full-object CRC-32C.
        Assert.Equal(fromOci | VerificationChecks.DestinationContentMd5 | VerificationChecks.DestinationETag | VerificationChecks.DestinationFullObjectCrc32c, copy.Checks);
        Assert.Equal((o.Name, (long)size, o.Md5), (copy.Key, copy.Size, copy.SourceMd5));
        Assert.Equal((await sut.HeadObjectAsync(o.Name, Ct))!.ETag, copy.ETag);
        Assert.Equal(Assert.Single(await LedgerContents.EntriesAsync(sut, string.Empty, Ct)).SourceCrc32c, copy.SourceCrc32c);
    }

    [Fact]
    public async Task Run_ReportChangedInPlace_CountsTheSupersededCopyAndNamesIt()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000, seed: 1);
        await using var sut = CreateDestination();
        await _harness.RunAsync(sut, Ct);
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 6000, seed: 2);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal((1, 1), (result.Totals.Changed, result.Totals.Superseded));
        var outcome = Assert.Single(result.Outcomes);
        Assert.StartsWith(".costsync/superseded/reports/cost-csv/0001-00001.csv.gz/", outcome.SupersededKey, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, outcome.SupersededKey!)));
        Assert.Equal(6000, outcome.Copy!.Size);
    }

    [Fact]
    public async Task Run_AfterCopying_ThePoolHoldsNoBuffer()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5000);
        _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        await using var sut = CreateDestination();

        await _harness.RunAsync(sut, Ct);

        Assert.True(_harness.Pool.PeakBytes >= 8L * MiB);
        Assert.Equal((0L, 0L), (_harness.Pool.OutstandingBytes, _harness.Pool.RetainedBytes));
        Assert.True(_harness.Pool.TakeReleasedBytes() >= 8L * MiB);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items)
        {
            list.Add(i);
        }

        return list;
    }

    private DirectoryDestination CreateDestination() => new(_root, overwriteProtection: false, _harness.Time);
}
