namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>One stored object. Immutable; a re-put replaces it with a new instance (new ETag).</summary>
internal sealed record EmulatorObject(
    string Name,
    ReadOnlyMemory<byte> Content,
    string ETag,
    string? Md5,
    string? MultipartMd5,
    DateTimeOffset TimeCreated,
    DateTimeOffset TimeModified)
{
    public long Size => Content.Length;

    public bool IsMultipart => MultipartMd5 is not null;

    /// <summary>The listing <c>md5</c> value: whole-file base64 MD5, or the multipart form <c>base64-N</c>.</summary>
    public string ListingMd5 => Md5 ?? MultipartMd5!;
}
