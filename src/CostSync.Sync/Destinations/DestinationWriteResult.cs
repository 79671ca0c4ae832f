namespace CostSync.Sync.Destinations;

/// <summary>What a completed write returned.</summary>
/// <param name="ETag">The object's ETag without quotes (S3: hex MD5, <c>md5-N</c>, or an opaque value under SSE-KMS / SSE-C).</param>
/// <param name="VersionId">The version id when the bucket is versioned.</param>
public sealed record DestinationWriteResult(string? ETag, string? VersionId)
{
    /// <summary>
    /// True when this response shows that <see cref="ETag"/> is the MD5 of the content (<c>md5(part md5s)-N</c> for multipart):
    /// no <c>aws:kms</c> / <c>aws:kms:dsse</c> encryption and no SSE-C in the answer. Decided per response, never from settings.
    /// </summary>
    public bool ETagIsMd5 { get; init; }

    /// <summary>The base64 CRC-32C the destination reports it stored (S3 <c>x-amz-checksum-crc32c</c>), when it sent one.</summary>
    public string? Crc32c { get; init; }
}
