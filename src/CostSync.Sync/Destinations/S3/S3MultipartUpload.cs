using Amazon.S3;
using Amazon.S3.Model;

namespace CostSync.Sync.Destinations.S3;

/// <summary>An S3 multipart upload: UploadPart with Content-MD5 and a plain seekable body, Complete, Abort.</summary>
internal sealed class S3MultipartUpload(S3Destination destination, string key, string uploadId) : IMultipartUpload
{
    public string Key => key;

    public string UploadId => uploadId;

    public async Task<string> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, string contentMd5, CancellationToken cancellationToken)
    {
        var request = new UploadPartRequest
        {
            BucketName = destination.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = partNumber,
            InputStream = S3Destination.AsStream(content),
            PartSize = content.Length,
            MD5Digest = contentMd5,
            UseChunkEncoding = !destination.Options.S3Compatible,
        };
        try
        {
            var r = await destination.Client.UploadPartAsync(request, cancellationToken);
            return S3Destination.Unquote(r.ETag) ?? string.Empty;
        }
        catch (AmazonS3Exception e) when (S3Errors.Translate(e, key) is { } rejected)
        {
            throw rejected;
        }
    }

    public async Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken)
    {
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = destination.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag))],
        };
        S3WriteSettings.Apply(request, destination.Options);
        try
        {
            var r = await destination.Client.CompleteMultipartUploadAsync(request, cancellationToken);
            return new DestinationWriteResult(S3Destination.Unquote(r.ETag), r.VersionId);
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
