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
    /// <summary>The <c>opc-content-crc32c</c> value (base64 of the big-endian CRC-32C of the whole content); <see langword="null"/> for an object stored before OCI computed one.</summary>
    public string? Crc32c { get; init; }

    /// <summary>Set for a generated object whose bytes are shared segments (<see cref="Content"/> is then empty): any size, no memory of its own.</summary>
    public ComposedContent? Composed { get; init; }

    public long Size => Composed?.Length ?? Content.Length;

    public bool IsMultipart => MultipartMd5 is not null;

    /// <summary>The listing <c>md5</c> value: whole-file base64 MD5, or the multipart form <c>base64-N</c>.</summary>
    public string ListingMd5 => Md5 ?? MultipartMd5!;
}
