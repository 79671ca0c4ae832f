using System.Security.Cryptography;
using Amazon.S3.Model;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Integrity;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.EndToEnd;

/// <summary>
/// The engine against a bucket that answers like AWS with default SSE-KMS (<c>tests/servers/kmsproxy.js</c> in front of Swift):
/// ETags that are not MD5s, SSE-KMS headers, and <c>Destination:ServerSideEncryption</c> left unset, as when the bucket's
/// default encryption was set by policy without CostSync being told.
/// </summary>
public sealed class KmsBucketTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly SyncHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Run_DefaultKmsBucketWithEncryptionUnset_StoresEverythingDeletesNothingAndSecondRunCopiesNothing()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.Kms, Ct);
        var bucket = await swift.CreateBucketAsync(Ct);
        var names = PutSources();
        var log = new RequestLog();
        await using var sut = Destination(proxy, proxy.Options(bucket), log);

        var first = await _harness.RunAsync(sut, Ct);
        var second = await _harness.RunAsync(sut, Ct);

        Assert.True(first.Status == SyncRunStatus.Succeeded, first.Error ?? string.Join("; ", first.Outcomes.Select(o => o.Error)));
        Assert.Equal(names.Count, first.Totals.Copied);
        Assert.DoesNotContain(log.Entries, r => r.Method == "DELETE");
        foreach (var name in names)
        {
            await AssertStoredInSwiftAsync(bucket, name);
        }

        Assert.Equal((SyncRunStatus.Succeeded, names.Count, 0), (second.Status, second.Totals.Skipped, second.Totals.Copied));
    }

    [Fact]
    public async Task Run_StoreWhoseETagsAreNotMd5sWithoutSaying_KeepsEveryObjectAndReportsTheDoubt()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.NoSseHeaders, Ct);
        var bucket = await swift.CreateBucketAsync(Ct);
        var names = PutSources();
        var log = new RequestLog();
        await using var sut = Destination(proxy, proxy.Options(bucket), log);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.NotEqual(SyncRunStatus.Succeeded, result.Status);
        Assert.All(result.Outcomes, o =>
        {
            Assert.False(o.Succeeded);
            Assert.Contains("does not prove the write", o.Error, StringComparison.Ordinal);
            Assert.Contains("is kept", o.Error, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(log.Entries, r => r.Method == "DELETE");
        foreach (var name in names)
        {
            await AssertStoredInSwiftAsync(bucket, name);
        }

        // Read straight from Swift, as an auditor would.
        var direct = swift.Options(bucket);
        await using var reader = new S3Destination(swift.CreateClient(), bucket, direct, ownsClient: true);
        var entries = await LedgerContents.EntriesAsync(reader, string.Empty, Ct);
        Assert.Equal(names.Order(StringComparer.Ordinal), entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.StartsWith("The destination", e.Doubt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_StoreWhoseETagsAreNotMd5sWithoutSaying_SecondRunReadsTheLedgerThroughTheStoreAndCopiesNothing()
    {
        // The AWS SDK checks a whole-object GET body against a plain ETag unless the answer carries SSE-KMS or SSE-C headers:
        // on this store every ledger read would fail with "Expected hash not equal to calculated hash".
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.NoSseHeaders, Ct);
        var bucket = await swift.CreateBucketAsync(Ct);
        var names = PutSources();
        var log = new RequestLog();
        await using var sut = Destination(proxy, proxy.Options(bucket), log);
        await _harness.RunAsync(sut, Ct);
        log.Clear();

        var second = await _harness.RunAsync(sut, Ct);

        Assert.True(second.Error is null, second.Error);
        Assert.Equal((names.Count, 0, 0), (second.Totals.Skipped, second.Totals.Copied, second.Totals.Changed));
        Assert.Contains(log.Entries, r => r.Method == "GET" && r.PathAndQuery.Contains("/.costsync/ledger/", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, r => r.Method is "PUT" or "POST" or "DELETE" && !r.PathAndQuery.Contains("/.costsync/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Crc32cModeOnAnAwsLikeBucket_SendsOciCrc32cOnEveryWriteAndTheBucketVerifiesIt()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.Kms | KmsProxy.Mode.Checksums, Ct);
        var bucket = await swift.CreateBucketAsync(Ct);
        var small = _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 70_000);
        var big = _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        var log = new RequestLog();
        await using var sut = Destination(proxy, proxy.Options(bucket, DestinationChecksum.Crc32c), log);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.True(result.Status == SyncRunStatus.Succeeded, result.Error ?? string.Join("; ", result.Outcomes.Select(o => o.Error)));
        var writes = log.Entries.Where(r => r.Method is "PUT" or "POST" && !r.PathAndQuery.Contains("/.costsync/", StringComparison.Ordinal)).ToList();
        Assert.All(writes, r =>
        {
            // Our own value in a plain header: the SDK neither computes one (no CRT needed) nor sends an aws-chunked trailer.
            Assert.False(r.Headers.ContainsKey("x-amz-trailer"), r.PathAndQuery);
            Assert.DoesNotContain("STREAMING", r.Headers.GetValueOrDefault("x-amz-content-sha256", string.Empty), StringComparison.Ordinal);
            Assert.True(r.Method == "POST" || r.Headers.ContainsKey("content-md5"), r.PathAndQuery);
        });
        var put = Assert.Single(writes, r => r.Method == "PUT" && r.PathAndQuery.EndsWith(small.Name, StringComparison.Ordinal));
        Assert.Equal(small.Crc32c, put.Headers["x-amz-checksum-crc32c"]);
        var initiate = Assert.Single(writes, r => r.Method == "POST" && r.PathAndQuery.EndsWith("?uploads", StringComparison.Ordinal));
        Assert.Equal(("CRC32C", "FULL_OBJECT"), (initiate.Headers["x-amz-checksum-algorithm"], initiate.Headers["x-amz-checksum-type"]));
        var uploadParts = writes.Where(r => r.Method == "PUT" && r.PathAndQuery.Contains("partNumber=", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, uploadParts.Count);
        Assert.All(uploadParts, p => Assert.Equal(Crc32cOf(big.Content, PartRange(p.PathAndQuery)), p.Headers["x-amz-checksum-crc32c"]));
        var complete = Assert.Single(writes, r => r.Method == "POST" && r.PathAndQuery.Contains("uploadId=", StringComparison.Ordinal));
        Assert.Equal((big.Crc32c, "FULL_OBJECT"), (complete.Headers["x-amz-checksum-crc32c"], complete.Headers["x-amz-checksum-type"]));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(complete.Body!, "<ChecksumCRC32C>"));
        await AssertStoredInSwiftAsync(bucket, big.Name);
        using var client = swift.CreateClient();
        var head = await client.GetObjectMetadataAsync(bucket, big.Name, Ct);
        Assert.Equal(big.Crc32c, head.Metadata["x-amz-meta-costsync-source-crc32c"]);

        // The evidence: S3's full-object CRC-32C vouched for both; under SSE-KMS the ETag is no MD5, so it vouched for neither.
        var checks = result.Outcomes.ToDictionary(o => o.Name, o => o.Copy!.Checks, StringComparer.Ordinal);
        Assert.Equal(VerificationChecks.OciMd5 | VerificationChecks.OciCrc32c | VerificationChecks.DestinationContentMd5 | VerificationChecks.DestinationFullObjectCrc32c, checks[small.Name]);
        Assert.Equal(VerificationChecks.OciCrc32c | VerificationChecks.DestinationContentMd5 | VerificationChecks.DestinationFullObjectCrc32c, checks[big.Name]);
    }

    [Fact]
    public async Task Run_Md5OnlyMode_SendsContentMd5AndNoChecksumHeaderOfAnyKind()
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 70_000);
        _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        var log = new RequestLog();
        var options = swift.Options(bucket);
        options.Checksum = DestinationChecksum.Md5Only;
        await using var sut = new S3Destination(S3ClientBuilder.Build(options, swift.Credentials, new CountingHttpClientFactory(log)), bucket, options, ownsClient: true);

        var result = await _harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        var writes = log.Entries.Where(r => r.Method is "PUT" or "POST").ToList();
        Assert.All(writes, r => Assert.DoesNotContain(r.Headers.Keys, k => k.StartsWith("x-amz-checksum", StringComparison.OrdinalIgnoreCase) || k.Equals("x-amz-trailer", StringComparison.OrdinalIgnoreCase)));
        Assert.All(writes.Where(r => r.Method == "PUT"), r => Assert.True(r.Headers.ContainsKey("content-md5"), r.PathAndQuery));
    }

    private static S3Destination Destination(KmsProxy proxy, DestinationOptions options, RequestLog log) =>
        new(S3ClientBuilder.Build(options, new Amazon.Runtime.BasicAWSCredentials(SwiftS3Fixture.AccessKey, SwiftS3Fixture.SecretKey), new CountingHttpClientFactory(log)), options.Bucket!, options, ownsClient: true);

    private static (long Offset, long Length) PartRange(string pathAndQuery)
    {
        var number = int.Parse(System.Text.RegularExpressions.Regex.Match(pathAndQuery, "partNumber=(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var offset = (number - 1) * 5L * MiB;
        return (offset, Math.Min(5L * MiB, (13L * MiB) - offset));
    }

    private static string Crc32cOf(GeneratedContent content, (long Offset, long Length) range)
    {
        var bytes = new byte[range.Length];
        content.Fill(range.Offset, bytes);
        var crc = new System.IO.Hashing.Crc32(System.IO.Hashing.Crc32ParameterSet.Crc32C);
        crc.Append(bytes);
        var bigEndian = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bigEndian, crc.GetCurrentHashAsUInt32());
        return Convert.ToBase64String(bigEndian);
    }

    /// <summary>Small single-part reports, a multipart-uploaded source copied in one PUT, and one above the multipart threshold.</summary>
    private List<string> PutSources()
    {
        _harness.Source.Put("reports/cost-csv/0001-00001.csv.gz", 5_000);
        _harness.Source.Put("reports/cost-csv/0002-00001.csv.gz", 70_000);
        _harness.Source.Put("FOCUS Reports/2026/11/24/multipart-source.csv.gz", 300_000, multipartParts: 2);
        _harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 13 * MiB, multipartParts: 3);
        return [.. _harness.Source.Objects.Select(o => o.Name)];
    }

    private async Task AssertStoredInSwiftAsync(string bucket, string name)
    {
        var source = _harness.Source[name];
        using var client = swift.CreateClient();
        using var stored = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = name }, Ct);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[MiB];
        long total = 0;
        int n;
        while ((n = await stored.ResponseStream.ReadAsync(buffer, Ct)) > 0)
        {
            md5.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(source.Content.Length, total);
        Assert.Equal(Convert.ToHexString(FakeObject.Md5Of(source.Content, 0, source.Content.Length)), Convert.ToHexString(md5.GetHashAndReset()));
    }
}
