namespace CostSync.Sync.Destinations;

/// <summary>One multipart upload in progress. Nothing is visible until <see cref="CompleteAsync"/> succeeds.</summary>
public interface IMultipartUpload
{
    /// <summary>The object key being written.</summary>
    string Key { get; }

    /// <summary>The destination's upload id.</summary>
    string UploadId { get; }

    /// <summary>Uploads one part; rejected (never stored) when <paramref name="digests"/> do not match.</summary>
    /// <param name="partNumber">1-based part number.</param>
    /// <param name="offset">Where the part starts in the object (used by Directory; S3 ignores it).</param>
    /// <param name="content">The part's bytes.</param>
    /// <param name="digests">Digests of <paramref name="content"/> (MD5 always, CRC-32C where enabled).</param>
    /// <param name="cancellationToken">Cancels the upload of this part.</param>
    /// <returns>The part's ETag, without quotes, and what the answer shows about it.</returns>
    Task<PartWriteResult> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, ContentDigests digests, CancellationToken cancellationToken);

    /// <summary>Assembles the parts (in part-number order) into the visible object.</summary>
    /// <param name="parts">Every uploaded part.</param>
    /// <param name="crc32c">The base64 CRC-32C of the whole object, checked by the destination where enabled (S3 full-object checksum).</param>
    /// <param name="cancellationToken">Cancels the completion; nothing becomes visible then.</param>
    Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, string? crc32c, CancellationToken cancellationToken);

    /// <summary>Discards the upload and its parts. Safe to call more than once.</summary>
    Task AbortAsync(CancellationToken cancellationToken);
}
