using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CostSync.Bench.Swift;

/// <summary>The benchmark's own bucket on the shared Swift: created at start, emptied between runs (untimed), removed at the end.</summary>
internal sealed class SwiftBucket : IAsyncDisposable
{
    public const string AccessKey = "test:tester";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private SwiftBucket(Uri serviceUrl, string name)
    {
        ServiceUrl = serviceUrl;
        Name = name;
        Client = CreateClient(serviceUrl);
    }

    public Uri ServiceUrl { get; }

    public string Name { get; }

    public IAmazonS3 Client { get; }

    public static AmazonS3Client CreateClient(Uri serviceUrl) => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config
        {
            ServiceURL = serviceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public static async Task<SwiftBucket> CreateAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        var bucket = new SwiftBucket(serviceUrl, "costsync-bench-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            await bucket.Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket.Name }, cancellationToken);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or AmazonClientException)
        {
            throw new InvalidOperationException($"Swift does not answer at {serviceUrl} ({e.Message}). Start it as the tests do: tests/servers/swift-s3.sh DIR 18080.", e);
        }

        return bucket;
    }

    /// <summary>Deletes every object (and incomplete upload) under <paramref name="prefix"/>; returns how many objects.</summary>
    public async Task<int> EmptyAsync(string prefix, CancellationToken cancellationToken)
    {
        var uploads = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name, Prefix = prefix }, cancellationToken);
        foreach (var u in uploads.MultipartUploads ?? [])
        {
            await Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Name, Key = u.Key, UploadId = u.UploadId }, cancellationToken);
        }

        var deleted = 0;
        var request = new ListObjectsV2Request { BucketName = Name, Prefix = prefix };
        var keys = new List<string>();
        do
        {
            var page = await Client.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        // One DELETE per key: Swift's multi-object delete wants a Content-MD5 that AWSSDK v4 no longer sends.
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (key, token) =>
        {
            await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Name, Key = key }, token);
            Interlocked.Increment(ref deleted);
        });
        return deleted;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await EmptyAsync(string.Empty, CancellationToken.None);
            await Client.DeleteBucketAsync(Name);
        }
        catch (AmazonServiceException)
        {
            // Best effort: a leftover benchmark bucket is harmless and named costsync-bench-*.
        }

        Client.Dispose();
    }
}
