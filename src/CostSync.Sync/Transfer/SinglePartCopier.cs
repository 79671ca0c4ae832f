using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Transfer;

/// <summary>Copies an object below the multipart threshold: one GET into a pooled buffer, MD5 check, one PutObject with Content-MD5.</summary>
internal sealed class SinglePartCopier(SourceReader reader, PartBufferPool pool)
{
    public async Task<DestinationWriteResult> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        var summary = request.Source.Summary;
        var metadata = SourceIdentity.Metadata(summary, request.RunId);
        using var buffer = summary.Size > 0 ? await pool.RentAsync(checked((int)summary.Size), cancellationToken) : null;
        var content = buffer?.Memory ?? Memory<byte>.Empty;
        if (buffer is not null)
        {
            var response = await reader.ReadAsync(request.Source, null, content, cancellationToken);
            if (response.ContentMd5 is { } headerMd5 && !summary.IsMultipartMd5 && summary.Md5 is { } listed && headerMd5 != listed)
            {
                throw new IntegrityException($"The source {summary.Name} changed between listing and reading (Content-MD5 {headerMd5}, listed {listed}).");
            }
        }

        var md5 = Convert.ToBase64String(Md5Digests.Hash(content.Span));
        if (!summary.IsMultipartMd5 && summary.Md5 is { } expected && md5 != expected)
        {
            throw new IntegrityException($"The bytes read from {summary.Name} have MD5 {md5}, the source says {expected}: damaged in transit; not stored.");
        }

        var result = await destination.PutObjectAsync(request.Key, content, md5, metadata, WriteKind.Report, cancellationToken);
        if (destination.ETagIsContentMd5 && result.ETag is { } etag && !Md5Digests.SameETag(etag, Convert.ToHexStringLower(Convert.FromBase64String(md5))))
        {
            await destination.DeleteObjectAsync(request.Key, CancellationToken.None);
            throw new IntegrityException($"The destination returned ETag {etag} for {request.Key}, expected the content MD5; the object was removed.");
        }

        request.BytesUploaded(content.Length);
        return result;
    }
}
