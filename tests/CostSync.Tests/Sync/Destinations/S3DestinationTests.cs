using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

/// <summary>S3-only behaviour on Swift: what goes over the wire, the S3-compatible switch, the memory budget on a big object.</summary>
public sealed class S3DestinationTests(SwiftS3Fixture swift)
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_SecondRunWithNothingNew_WireShowsOnlyListingsAndOneLedgerSegmentGet()
    {
        await using var harness = new SyncHarness();
        harness.DestinationOptions = swift.Options(await swift.CreateBucketAsync(Ct));
        harness.DestinationOptions.Prefix = "oci";
        for (var i = 0; i < 30; i++)
        {
            harness.Source.Put($"reports/cost-csv/{i:D16}-00001.csv.gz", 2000 + i);
        }

        var log = new RequestLog();
        await using var sut = new S3Destination(swift.CreateClient(log), harness.DestinationOptions.Bucket!, harness.DestinationOptions, ownsClient: true);
        await harness.RunAsync(sut, Ct);
        log.Clear();
        harness.Source.ResetCounters();

        var result = await harness.RunAsync(sut, Ct);

        Assert.Equal(30, result.Totals.Skipped);
        Assert.Equal(0, harness.Source.GetCalls + harness.Source.HeadCalls);
        var requests = log.Requests;
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        var objectGets = requests.Where(r => !r.PathAndQuery.Contains("list-type=2", StringComparison.Ordinal) && !r.PathAndQuery.Contains("?uploads", StringComparison.Ordinal)).ToList();
        var ledgerGet = Assert.Single(objectGets);
        Assert.Contains("/oci/.costsync/ledger/", ledgerGet.PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith(".jsonl", ledgerGet.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_S3CompatibleSwitchOff_SendsAwsChunkedBodiesWhichSwiftRejects()
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        var options = swift.Options(bucket, s3Compatible: false);
        await using var chunked = new S3Destination(swift.CreateClient(s3Compatible: false), bucket, options, ownsClient: true);
        var content = new byte[1000];
        var md5 = Convert.ToBase64String(Convert.FromHexString("CB8A5E5D3C4C7B1A5A5C6A2D0F1C2B3E")); // wrong on purpose is irrelevant: Swift refuses the framing first

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => chunked.PutObjectAsync("k", content, new CostSync.Sync.Destinations.ContentDigests(md5), new Dictionary<string, string>(), CostSync.Sync.Destinations.WriteKind.Report, Ct));

        Assert.Equal(System.Net.HttpStatusCode.NotImplemented, error.StatusCode);
    }

    [Fact]
    public async Task Run_200MiBObjectWith32MiBBudget_PoolPeakStaysWithinBudgetAndBytesArrive()
    {
        await using var harness = new SyncHarness();
        harness.DestinationOptions = swift.Options(await swift.CreateBucketAsync(Ct));
        harness.TransferOptions.MemoryBudgetMiB = 32;
        harness.TransferOptions.PartSizeMiB = 5;
        harness.TransferOptions.MultipartThresholdMiB = 8;
        harness.TransferOptions.MaxConcurrentParts = 8;
        var big = harness.Source.Put("FOCUS Reports/2026/11/24/big.csv.gz", 200L * MiB);
        await using var sut = new S3Destination(swift.CreateClient(), harness.DestinationOptions.Bucket!, harness.DestinationOptions, ownsClient: true);

        var result = await harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.InRange(harness.Pool.PeakBytes, 8L * MiB, 32L * MiB);
        Assert.Equal(0, harness.Pool.OutstandingBytes);
        using var client = swift.CreateClient();
        using var stored = await client.GetObjectAsync(harness.DestinationOptions.Bucket, big.Name, Ct);
        Assert.EndsWith("-40\"", stored.ETag, StringComparison.Ordinal);
        using var md5 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.MD5);
        var buffer = new byte[MiB];
        long total = 0;
        int n;
        while ((n = await stored.ResponseStream.ReadAsync(buffer, Ct)) > 0)
        {
            md5.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(big.Content.Length, total);
        Assert.Equal(big.Md5, Convert.ToBase64String(md5.GetHashAndReset()));
    }

    [Fact]
    public async Task ListIncompleteUploads_AfterBegin_ShowsUploadUntilAborted()
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        await using var sut = new S3Destination(swift.CreateClient(), bucket, swift.Options(bucket), ownsClient: true);
        var upload = await sut.BeginMultipartUploadAsync("p/x.csv.gz", new Dictionary<string, string>(), Ct);

        var pending = Assert.Single(await ToListAsync(sut.ListIncompleteUploadsAsync("p/", Ct)));
        await upload.AbortAsync(Ct);

        Assert.Equal(("p/x.csv.gz", upload.UploadId), (pending.Key, pending.UploadId));
        Assert.Empty(await ToListAsync(sut.ListIncompleteUploadsAsync("p/", Ct)));
        using var client = swift.CreateClient();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, Ct);
        Assert.Empty(uploads.MultipartUploads ?? []);
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
}
