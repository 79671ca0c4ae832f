using Amazon.S3;
using Amazon.S3.Model;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Reliability;

/// <summary>The archive under a prefix, read straight from Swift (never through CostSync): keys, bytes and incomplete uploads.</summary>
internal sealed class SwiftArchive(SwiftS3Fixture swift, string bucket, string prefix) : IDisposable
{
    private readonly IAmazonS3 _client = swift.CreateClient();

    /// <summary>Each object is stored under <c>prefix + name</c> with exactly its bytes (downloaded and compared).</summary>
    public async Task AssertHoldsExactlyAsync(IEnumerable<EmulatorObject> objects, CancellationToken cancellationToken)
    {
        foreach (var o in objects)
        {
            using var stored = await _client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + o.Name }, cancellationToken);
            using var copy = new MemoryStream();
            await stored.ResponseStream.CopyToAsync(copy, cancellationToken);
            Assert.True(o.Content.Span.SequenceEqual(copy.ToArray()), $"{o.Name} differs at the destination ({copy.Length} bytes stored, {o.Size} at the source)");
        }
    }

    /// <summary>The report keys (everything under the prefix but CostSync's own <c>.costsync/</c> folder).</summary>
    public async Task<List<string>> ReportKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await _client.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => !k.StartsWith(prefix + ".costsync/", StringComparison.Ordinal)));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        return keys;
    }

    public async Task<List<string>> IncompleteUploadsAsync(CancellationToken cancellationToken)
    {
        var uploads = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = prefix }, cancellationToken);
        return [.. (uploads.MultipartUploads ?? []).Select(u => u.Key)];
    }

    public void Dispose() => _client.Dispose();
}
