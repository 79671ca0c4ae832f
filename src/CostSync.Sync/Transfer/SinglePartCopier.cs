using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Validation;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Copies an object below the multipart threshold: one GET into a pooled buffer, MD5 and CRC-32C checked against what OCI
/// says, the report validated in place, one PutObject with Content-MD5 (and the CRC-32C as an S3 checksum where enabled). Never deletes what it wrote.
/// </summary>
internal sealed class SinglePartCopier(SourceReader reader, PartBufferPool pool, ReportValidation validation)
{
    public async Task<CopiedObject> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        var summary = request.Source.Summary;
        using var buffer = summary.Size > 0 ? await pool.RentAsync(checked((int)summary.Size), cancellationToken) : null;
        var content = buffer?.Memory ?? Memory<byte>.Empty;
        string? ociCrc32c = null;
        if (buffer is not null)
        {
            var response = await reader.ReadAsync(request.Source, null, content, cancellationToken);
            if (response.ContentMd5 is { } headerMd5 && !summary.IsMultipartMd5 && summary.Md5 is { } listed && headerMd5 != listed)
            {
                throw new IntegrityException($"The source {summary.Name} changed between listing and reading (Content-MD5 {headerMd5}, listed {listed}).");
            }

            ociCrc32c = response.OpcContentCrc32c;
        }

        var md5 = Md5Digests.Hash(content.Span);
        var md5Base64 = Convert.ToBase64String(md5);
        if (!summary.IsMultipartMd5 && summary.Md5 is { } expected && md5Base64 != expected)
        {
            throw new IntegrityException($"The bytes read from {summary.Name} have MD5 {md5Base64}, the source says {expected}: damaged in transit; not stored.");
        }

        var crc32c = Crc32CDigests.ToBase64(Crc32CDigests.Hash(content.Span));
        if (ociCrc32c is not null && ociCrc32c != crc32c)
        {
            throw new IntegrityException($"The bytes read from {summary.Name} have CRC-32C {crc32c}, OCI stored {ociCrc32c}: damaged in transit; not stored.");
        }

        // The bytes are OCI's (checked above); what they say is checked now, in place, and never changes what is stored.
        var validator = validation.Begin(summary.Name);
        validator?.Append(content);
        var checkedContent = validator?.Complete();

        var metadata = SourceIdentity.Metadata(summary, request.RunId, crc32c);
        var written = await destination.PutObjectAsync(request.Key, content, new ContentDigests(md5Base64, crc32c), metadata, WriteKind.Report, cancellationToken);
        request.BytesUploaded(content.Length);
        return new CopiedObject(written, crc32c, Verified(summary, ociCrc32c, buffer is null), WriteDoubts.Single(request.Key, written, md5, crc32c), VouchedChecks.Single(summary, ociCrc32c, written, md5, crc32c)) { Content = checkedContent };
    }

    private static string Verified(Oci.ObjectStorage.ObjectSummary summary, string? ociCrc32c, bool empty)
    {
        if (empty)
        {
            return "empty object: size 0 as listed";
        }

        var md5 = summary.IsMultipartMd5 || summary.Md5 is null
            ? "no whole-object MD5 (multipart-uploaded source)"
            : "MD5 matches the listing";
        var crc = ociCrc32c is null
            ? "no CRC-32C check (OCI sent no opc-content-crc32c)"
            : "CRC-32C matches OCI's opc-content-crc32c";
        return $"{md5}; {crc}; size and byte count";
    }
}
