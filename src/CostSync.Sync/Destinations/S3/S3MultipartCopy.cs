using Amazon.S3.Model;

namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// Copies an object too large for one CopyObject: InitiateMultipartUpload with the source's metadata, UploadPartCopy per range
/// (each only if the source still has the expected ETag), CompleteMultipartUpload; any failure aborts, so no partial copy appears.
/// </summary>
internal static class S3MultipartCopy
{
    private const int MaxParts = 10_000;

    public static async Task<DestinationWriteResult> CopyAsync(S3Destination destination, string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        var client = destination.Client;
        var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = destination.Bucket, Key = sourceKey, EtagToMatch = S3Destination.Quote(sourceETag) }, cancellationToken);
        var initiate = new InitiateMultipartUploadRequest { BucketName = destination.Bucket, Key = destinationKey, ContentType = head.Headers.ContentType };
        S3WriteSettings.Apply(initiate, destination.Options);
        S3ObjectLock.Apply(initiate, destination.Options, destination.Now);
        foreach (var name in head.Metadata.Keys)
        {
            initiate.Metadata.Add(name, head.Metadata[name]);
        }

        var partBytes = Math.Max(destination.CopyPartBytes, (sourceSize + MaxParts - 1) / MaxParts);
        var upload = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long offset = 0, number = 1; offset < sourceSize; offset += partBytes, number++)
            {
                var part = await client.CopyPartAsync(
                    new CopyPartRequest
                    {
                        SourceBucket = destination.Bucket,
                        SourceKey = sourceKey,
                        DestinationBucket = destination.Bucket,
                        DestinationKey = destinationKey,
                        UploadId = upload.UploadId,
                        PartNumber = (int)number,
                        FirstByte = offset,
                        LastByte = Math.Min(sourceSize, offset + partBytes) - 1,
                        ETagToMatch = sourceETag is null ? null : [S3Destination.Quote(sourceETag)!],
                    },
                    cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            var completed = await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = destination.Bucket, Key = destinationKey, UploadId = upload.UploadId, PartETags = parts },
                cancellationToken);
            return new DestinationWriteResult(S3Destination.Unquote(completed.ETag), completed.VersionId);
        }
        catch
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = destination.Bucket, Key = destinationKey, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }
}
