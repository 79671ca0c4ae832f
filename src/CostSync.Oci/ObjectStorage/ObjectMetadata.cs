namespace CostSync.Oci.ObjectStorage;

/// <summary>Metadata from HeadObject or GetObject response headers.</summary>
/// <param name="ContentLength">The byte count of this response's content (the range length for a ranged GET).</param>
/// <param name="ETag">The object's entity tag.</param>
/// <param name="ContentMd5">Base64 MD5 of the whole object (<c>Content-MD5</c>); absent for multipart-uploaded objects and for ranged reads.</param>
/// <param name="MultipartMd5">The <c>opc-multipart-md5</c> header (<c>base64-N</c>) of multipart-uploaded objects.</param>
/// <param name="LastModified">The <c>Last-Modified</c> header.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="ContentEncoding">The <c>Content-Encoding</c> header, reported but never acted on.</param>
/// <param name="OpcRequestId">The <c>opc-request-id</c> of the call.</param>
public sealed record ObjectMetadata(
    long ContentLength,
    string? ETag,
    string? ContentMd5,
    string? MultipartMd5,
    DateTimeOffset? LastModified,
    string? ContentType,
    string? ContentEncoding,
    string? OpcRequestId)
{
    /// <summary>
    /// The <c>opc-content-crc32c</c> header: base64 of the big-endian CRC-32C (Castagnoli) of the <b>whole</b> object, also for
    /// objects uploaded in parts. Sent on HeadObject and on a GetObject of the whole object; absent on ranged reads and on
    /// objects stored before OCI computed it.
    /// </summary>
    public string? OpcContentCrc32c { get; init; }
}
