namespace CostSync.Sync.Destinations;

/// <summary>One multipart upload in progress. Nothing is visible until <see cref="CompleteAsync"/> succeeds.</summary>
public interface IMultipartUpload
{
    /// <summary>The object key being written.</summary>
    string Key { get; }

    /// <summary>The destination's upload id.</summary>
    string UploadId { get; }

    /// <summary>Uploads one part; rejected (never stored) when <paramref name="contentMd5"/> does not match.</summary>
    /// <param name="partNumber">1-based part number.</param>
    /// <param name="offset">Where the part starts in the object (used by Directory; S3 ignores it).</param>
    /// <param name="content">The part's bytes.</param>
    /// <param name="contentMd5">Base64 MD5 of <paramref name="content"/>.</param>
    /// <param name="cancellationToken">Cancels the upload of this part.</param>
    /// <returns>The part's ETag, without quotes.</returns>
    Task<string> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, string contentMd5, CancellationToken cancellationToken);

    /// <summary>Assembles the parts (in part-number order) into the visible object.</summary>
    Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken);

    /// <summary>Discards the upload and its parts. Safe to call more than once.</summary>
    Task AbortAsync(CancellationToken cancellationToken);
}
