using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// A copy inside the bucket, only of the expected version: CopyObject (or <see cref="S3MultipartCopy"/> above 5 GB) with
/// <c>x-amz-copy-source-if-match</c>, user metadata kept, encryption, storage class and Object Lock retention as configured.
/// </summary>
internal static class S3ServerSideCopy
{
    public static async Task<DestinationWriteResult> CopyAsync(S3Destination destination, string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        try
        {
            return await CopyOnceAsync(destination, sourceKey, sourceETag, sourceSize, destinationKey, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed && sourceETag is not null)
        {
            // Some S3-compatible stores cannot evaluate the condition on multipart objects (Swift compares its own manifest ETag):
            // when the object still lists with that ETag, copy it and prove the copy is that version by size and metadata.
            var before = await destination.HeadObjectAsync(sourceKey, cancellationToken);
            if (before is null || !Md5Digests.SameETag(before.ETag, sourceETag))
            {
                throw Rejected(sourceKey, sourceETag, destinationKey, before is null, e);
            }

            var result = await CopyOnceAsync(destination, sourceKey, null, sourceSize, destinationKey, cancellationToken);
            var copy = await destination.HeadObjectAsync(destinationKey, cancellationToken);
            if (copy is null || copy.Size != before.Size || !SameMetadata(copy.Metadata, before.Metadata))
            {
                throw new DestinationRejectedException($"Could not copy {sourceKey} to {destinationKey}: the source changed during the copy, so {destinationKey} may hold a later version; the source was left as it is.", e);
            }

            return result;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw Rejected(sourceKey, sourceETag, destinationKey, e.StatusCode == HttpStatusCode.NotFound, e);
        }
    }

    private static async Task<DestinationWriteResult> CopyOnceAsync(S3Destination destination, string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        if (sourceSize > destination.MaxSingleCopyBytes)
        {
            return await S3MultipartCopy.CopyAsync(destination, sourceKey, sourceETag, sourceSize, destinationKey, cancellationToken);
        }

        var request = new CopyObjectRequest
        {
            SourceBucket = destination.Bucket,
            SourceKey = sourceKey,
            DestinationBucket = destination.Bucket,
            DestinationKey = destinationKey,
            ETagToMatch = S3Destination.Quote(sourceETag),
            MetadataDirective = S3MetadataDirective.COPY,
        };
        S3WriteSettings.Apply(request, destination.Options);
        S3ObjectLock.Apply(request, destination.Options, destination.Now);
        var r = await destination.Client.CopyObjectAsync(request, cancellationToken);
        return new DestinationWriteResult(S3Destination.Unquote(r.ETag), r.VersionId);
    }

    private static DestinationRejectedException Rejected(string sourceKey, string? sourceETag, string destinationKey, bool gone, Exception inner) =>
        new($"Could not copy {sourceKey} to {destinationKey}: the source {(gone ? "is gone" : $"no longer has ETag {sourceETag}")}; nothing was copied.", inner);

    private static bool SameMetadata(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
}
