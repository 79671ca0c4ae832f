using System.Globalization;
using Amazon.S3;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Integrity;
using CostSync.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

/// <summary>
/// <c>Destination:ObjectLock</c> on the wire (S3's header names, recorded by the HTTP client): every request that can create an
/// object carries the mode and the retain-until date. Swift has no Object Lock and ignores the headers, so the writes succeed.
/// </summary>
public sealed class S3ObjectLockTests(SwiftS3Fixture swift)
{
    private const int MiB = 1024 * 1024;
    private const string ModeHeader = "x-amz-object-lock-mode";
    private const string UntilHeader = "x-amz-object-lock-retain-until-date";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_WithObjectLock_EveryReportAndLedgerWriteCarriesModeAndRetainUntil()
    {
        await using var harness = new SyncHarness { Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)) };
        harness.DestinationOptions = swift.Options(await swift.CreateBucketAsync(Ct));
        harness.DestinationOptions.Prefix = "oci";
        harness.DestinationOptions.ObjectLock = new ObjectLockOptions { Mode = RetentionMode.Compliance, RetainDays = 2557 };
        harness.Source.Put("reports/cost-csv/0000000001-00001.csv.gz", 3000);
        harness.Source.Put("FOCUS Reports/2026/02/28/big.csv.gz", 7L * MiB); // above the 6 MiB threshold: a multipart upload
        var log = new RequestLog();
        await using var sut = new S3Destination(swift.CreateClient(log), harness.DestinationOptions.Bucket!, harness.DestinationOptions, ownsClient: true, harness.Time);

        var result = await harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        var writes = Creating(log);
        Assert.Contains(writes, r => r.Method == "PUT" && r.PathAndQuery.Contains("/oci/reports/cost-csv/", StringComparison.Ordinal));
        Assert.Contains(writes, r => r.Method == "POST" && r.PathAndQuery.Contains("/oci/FOCUS Reports/", StringComparison.Ordinal));
        Assert.Contains(writes, r => r.Method == "PUT" && r.PathAndQuery.Contains("/oci/.costsync/ledger/", StringComparison.Ordinal));
        Assert.All(writes, r => AssertRetention(r, "COMPLIANCE", new DateTime(2033, 3, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task Run_WithoutObjectLock_NoWriteCarriesTheHeaders()
    {
        await using var harness = new SyncHarness();
        harness.DestinationOptions = swift.Options(await swift.CreateBucketAsync(Ct));
        harness.Source.Put("reports/cost-csv/0000000001-00001.csv.gz", 3000);
        harness.Source.Put("FOCUS Reports/2026/02/28/big.csv.gz", 7L * MiB);
        var log = new RequestLog();
        await using var sut = new S3Destination(swift.CreateClient(log), harness.DestinationOptions.Bucket!, harness.DestinationOptions, ownsClient: true, harness.Time);

        await harness.RunAsync(sut, Ct);

        Assert.NotEmpty(Creating(log));
        Assert.All(log.Entries, r => Assert.False(r.Headers.ContainsKey(ModeHeader) || r.Headers.ContainsKey(UntilHeader), $"{r.Method} {r.PathAndQuery}"));
    }

    [Theory]
    // one CopyObject
    [InlineData(false)]
    // part by part (the 5 GB limit lowered): the upload the copy begins carries the retention
    [InlineData(true)]
    public async Task CopyObject_SupersededCopy_CarriesTheRetention(bool byParts)
    {
        var log = new RequestLog();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sut = await CreateSutAsync(log, clock, RetentionMode.Governance, 30, byParts);
        var content = new GeneratedContent(6 * MiB, 5).ToArray();
        var written = await sut.PutObjectAsync("p/r.csv.gz", content, new ContentDigests(Convert.ToBase64String(Md5Digests.Hash(content))), new Dictionary<string, string>(), WriteKind.Report, Ct);
        clock.Advance(TimeSpan.FromDays(1));
        log.Clear();

        await sut.CopyObjectAsync("p/r.csv.gz", written.ETag, content.Length, "p/.costsync/superseded/r.csv.gz/" + written.ETag, Ct);

        var copy = Assert.Single(Creating(log));
        Assert.Equal(byParts ? "POST" : "PUT", copy.Method);
        AssertRetention(copy, "GOVERNANCE", new DateTime(2026, 4, 1, 12, 0, 0, DateTimeKind.Utc)); // 30 days from the copy, not from the original
    }

    [Fact]
    public async Task BeginMultipartUpload_DoctorProbe_CarriesNoRetention()
    {
        var log = new RequestLog();
        await using var sut = await CreateSutAsync(log, new FakeTimeProvider(), RetentionMode.Compliance, 365);

        var upload = await sut.BeginMultipartUploadAsync("p/.costsync/doctor-probe-1", new Dictionary<string, string>(), WriteKind.Probe, Ct);
        await upload.AbortAsync(Ct);

        var begin = Assert.Single(Creating(log));
        Assert.False(begin.Headers.ContainsKey(ModeHeader) || begin.Headers.ContainsKey(UntilHeader));
    }

    [Theory]
    [InlineData(RetentionMode.Governance, "GOVERNANCE")]
    [InlineData(RetentionMode.Compliance, "COMPLIANCE")]
    public void Retention_Configured_IsTheModeAndNowPlusTheDays(RetentionMode mode, string wire)
    {
        var options = new DestinationOptions { ObjectLock = new ObjectLockOptions { Mode = mode, RetainDays = 10 } };

        var retention = S3ObjectLock.Retention(options, new DateTimeOffset(2026, 12, 25, 23, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal((ObjectLockMode.FindValue(wire), new DateTime(2027, 1, 4, 21, 30, 0, DateTimeKind.Utc)), retention);
    }

    [Fact]
    public void Retention_NotConfigured_IsNone() =>
        Assert.Null(S3ObjectLock.Retention(new DestinationOptions(), DateTimeOffset.UnixEpoch));

    /// <summary>The requests that can create an object: PutObject (not UploadPart), InitiateMultipartUpload, CopyObject.</summary>
    private static List<RecordedRequest> Creating(RequestLog log) =>
        [.. log.Entries.Where(r =>
            (r.Method == "PUT" && !r.PathAndQuery.Contains("partNumber=", StringComparison.Ordinal))
            || (r.Method == "POST" && r.PathAndQuery.EndsWith("?uploads", StringComparison.Ordinal)))];

    private static void AssertRetention(RecordedRequest request, string mode, DateTime until)
    {
        var what = $"{request.Method} {request.PathAndQuery}";
        Assert.True(request.Headers.TryGetValue(ModeHeader, out var sentMode), $"{what} has no {ModeHeader}");
        Assert.Equal(mode, sentMode);
        Assert.True(request.Headers.TryGetValue(UntilHeader, out var sentUntil), $"{what} has no {UntilHeader}");
        Assert.Equal(until, DateTime.Parse(sentUntil, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

    private async Task<S3Destination> CreateSutAsync(RequestLog log, TimeProvider clock, RetentionMode mode, int days, bool byParts = false)
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        var options = swift.Options(bucket);
        options.ObjectLock = new ObjectLockOptions { Mode = mode, RetainDays = days };
        return new S3Destination(swift.CreateClient(log), bucket, options, ownsClient: true, clock)
        {
            MaxSingleCopyBytes = byParts ? 5 * MiB : 5_000_000_000,
            CopyPartBytes = 5 * MiB,
        };
    }
}
