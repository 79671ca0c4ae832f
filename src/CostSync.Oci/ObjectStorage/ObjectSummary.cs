namespace CostSync.Oci.ObjectStorage;

/// <summary>One object from a listing.</summary>
/// <param name="Name">The object name, exactly as stored.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Md5">Base64 MD5 of the content; for multipart-uploaded objects the multipart form <c>base64-N</c>.</param>
/// <param name="ETag">The object's entity tag (not an MD5).</param>
/// <param name="TimeCreated">When the object was created.</param>
/// <param name="TimeModified">When the object was last modified.</param>
public sealed record ObjectSummary(string Name, long Size, string? Md5, string? ETag, DateTimeOffset? TimeCreated, DateTimeOffset? TimeModified)
{
    /// <summary>True when <see cref="Md5"/> is a multipart MD5 (<c>base64-N</c>) rather than the MD5 of the whole content.</summary>
    public bool IsMultipartMd5 => Md5 is not null && Md5.Contains('-', StringComparison.Ordinal);
}
