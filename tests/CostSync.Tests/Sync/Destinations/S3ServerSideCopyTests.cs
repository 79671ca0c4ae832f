using Amazon.S3.Model;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Integrity;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

/// <summary>Server-side copies on Swift: one CopyObject, or part by part above the single-copy limit; only of the expected version.</summary>
public sealed class S3ServerSideCopyTests(SwiftS3Fixture swift)
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    // one CopyObject
    [InlineData(false)]
    // UploadPartCopy, 5 MiB parts (the 5 GB limit lowered)
    [InlineData(true)]
    public async Task CopyObject_ExpectedVersion_CopiesBytesAndMetadata(bool byParts)
    {
        var log = new RequestLog();
        await using var sut = await CreateSutAsync(byParts, log);
        var content = new GeneratedContent(12 * MiB, 3).ToArray();
        var written = await PutAsync(sut, "p/FOCUS Reports/report (1).csv.gz", content);
        log.Clear();

        var copied = await sut.CopyObjectAsync("p/FOCUS Reports/report (1).csv.gz", written.ETag, content.Length, "p/.costsync/superseded/FOCUS Reports/report (1).csv.gz/" + written.ETag, Ct);

        var key = "p/.costsync/superseded/FOCUS Reports/report (1).csv.gz/" + written.ETag;
        Assert.Equal(content, await ReadAsync(sut, key));
        var head = await sut.HeadObjectAsync(key, Ct);
        Assert.Equal(("12582912", copied.ETag), (head!.Metadata["costsync-source-size"], head.ETag));
        Assert.Equal(byParts ? 3 : 0, log.Requests.Count(r => r.Method == "PUT" && r.PathAndQuery.Contains("partNumber=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CopyObject_SourceNoLongerHasTheETag_RejectedAndNothingCopied(bool byParts)
    {
        await using var sut = await CreateSutAsync(byParts);
        var content = new GeneratedContent(12 * MiB, 4).ToArray();
        await PutAsync(sut, "p/r.csv.gz", content);

        var error = await Assert.ThrowsAsync<DestinationRejectedException>(() => sut.CopyObjectAsync("p/r.csv.gz", "0123456789abcdef0123456789abcdef", content.Length, "p/copy", Ct));

        Assert.Contains("no longer has ETag 0123456789abcdef0123456789abcdef; nothing was copied", error.Message, StringComparison.Ordinal);
        Assert.Null(await sut.HeadObjectAsync("p/copy", Ct));
        var uploads = await sut.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = sut.Bucket }, Ct);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task CopyObject_SourceGone_RejectedSayingSo()
    {
        await using var sut = await CreateSutAsync(byParts: false);

        var error = await Assert.ThrowsAsync<DestinationRejectedException>(() => sut.CopyObjectAsync("p/missing.csv.gz", "0123456789abcdef0123456789abcdef", 10, "p/copy", Ct));

        Assert.Contains("the source is gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsVersioningEnabled_UnversionedBucketAskedThreeTimes_FalseFromOneRequest()
    {
        var log = new RequestLog();
        await using var sut = await CreateSutAsync(byParts: false, log);

        var answers = await Task.WhenAll(sut.IsVersioningEnabledAsync(Ct), sut.IsVersioningEnabledAsync(Ct), sut.IsVersioningEnabledAsync(Ct));

        Assert.Equal([false, false, false], answers);
        Assert.Single(log.Requests, r => r.PathAndQuery.Contains("versioning", StringComparison.Ordinal));
    }

    private async Task<S3Destination> CreateSutAsync(bool byParts, RequestLog? log = null)
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        return new S3Destination(swift.CreateClient(log), bucket, swift.Options(bucket), ownsClient: true)
        {
            MaxSingleCopyBytes = byParts ? 5 * MiB : 5_000_000_000,
            CopyPartBytes = 5 * MiB,
        };
    }

    private static Task<DestinationWriteResult> PutAsync(S3Destination sut, string key, byte[] content) =>
        sut.PutObjectAsync(key, content, new ContentDigests(Convert.ToBase64String(Md5Digests.Hash(content))), new Dictionary<string, string> { ["costsync-source-size"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }, WriteKind.Report, Ct);

    private static async Task<byte[]> ReadAsync(S3Destination sut, string key)
    {
        await using var stream = await sut.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
