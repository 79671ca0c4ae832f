using Amazon.S3;
using Amazon.S3.Model;

namespace CostSync.Sync.Destinations.S3;

/// <summary>An S3 multipart upload: UploadPart with Content-MD5 and a plain seekable body, Complete, Abort.</summary>
internal sealed class S3MultipartUpload(S3Destination destination, string key, string uploadId) : IMultipartUpload
{
    public string Key => key;

    public string UploadId => uploadId;

    public async Task<PartWriteResult> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, ContentDigests digests, CancellationToken cancellationToken)
    {
        var request = new UploadPartRequest
        {
            BucketName = destination.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = partNumber,
            InputStream = S3Destination.AsStream(content),
            PartSize = content.Length,
            MD5Digest = digests.Md5,
            UseChunkEncoding = !destination.Options.S3Compatible,
            DisablePayloadSigning = destination.SkipsPayloadSigning ? true : null,
        };
        if (destination.SendsCrc32c && digests.Crc32c is { } crc32c)
        {
            request.ChecksumCRC32C = crc32c;
        }

        try
        {
            var r = await destination.Client.UploadPartAsync(request, cancellationToken);
            return new PartWriteResult(S3Destination.Unquote(r.ETag) ?? string.Empty)
            {
                ETagIsMd5 = S3ETags.AreMd5(r.ServerSideEncryptionMethod?.Value, r.SSECustomerAlgorithm),
                Crc32c = r.ChecksumCRC32C,
            };
        }
        catch (AmazonS3Exception e) when (S3Errors.Translate(e, key) is { } rejected)
        {
            throw rejected;
        }
    }

    public async Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, string? crc32c, CancellationToken cancellationToken)
    {
        var checksums = destination.SendsCrc32c && crc32c is not null;
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = destination.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag) { ChecksumCRC32C = checksums ? p.Crc32c : null })],
        };
        if (checksums)
        {
            // The full-object CRC-32C we computed: S3 combines the part checksums and refuses to complete when they differ.
            request.ChecksumType = ChecksumType.FULL_OBJECT;
            request.ChecksumCRC32C = crc32c;
        }

        S3WriteSettings.Apply(request, destination.Options);
        try
        {
            var r = await destination.Client.CompleteMultipartUploadAsync(request, cancellationToken);
            return new DestinationWriteResult(S3Destination.Unquote(r.ETag), r.VersionId)
            {
                ETagIsMd5 = S3ETags.AreMd5(r.ServerSideEncryptionMethod?.Value, null),
                Crc32c = r.ChecksumCRC32C,
            };
        }
        catch (AmazonS3Exception e) when (S3Errors.Translate(e, key) is { } rejected)
        {
            throw rejected;
        }
    }

    public async Task AbortAsync(CancellationToken cancellationToken)
    {
        try
        {
            await destination.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = destination.Bucket, Key = key, UploadId = uploadId }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already aborted or completed.
        }
    }
}
