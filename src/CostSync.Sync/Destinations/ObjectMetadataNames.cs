namespace CostSync.Sync.Destinations;

/// <summary>User-metadata names CostSync writes on every object (S3: <c>x-amz-meta-&lt;name&gt;</c>).</summary>
internal static class ObjectMetadataNames
{
    /// <summary>Base64 MD5 of the source content (single-part sources only).</summary>
    public const string SourceMd5 = "costsync-source-md5";

    /// <summary>The source's multipart MD5 (<c>base64-N</c>), for multipart-uploaded sources.</summary>
    public const string SourceMultipartMd5 = "costsync-source-multipart-md5";

    /// <summary>Base64 (big-endian) CRC-32C of the source content, as OCI reports it in <c>opc-content-crc32c</c>.</summary>
    public const string SourceCrc32c = "costsync-source-crc32c";

    /// <summary>The source object's etag.</summary>
    public const string SourceETag = "costsync-source-etag";

    /// <summary>The source size in bytes (decimal).</summary>
    public const string SourceSize = "costsync-source-size";

    /// <summary>The source's creation time (ISO 8601, round-trip format).</summary>
    public const string SourceTimeCreated = "costsync-source-time-created";

    /// <summary>The run that wrote the object.</summary>
    public const string RunId = "costsync-run-id";
}
