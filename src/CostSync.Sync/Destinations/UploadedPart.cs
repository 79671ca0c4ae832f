namespace CostSync.Sync.Destinations;

/// <summary>A part that was uploaded: its number, size, the ETag the destination returned and the MD5 we computed.</summary>
public sealed record UploadedPart(int PartNumber, long Length, string ETag, byte[] Md5)
{
    /// <summary>The base64 CRC-32C we computed for the part (sent back at completion when S3 checksums are on).</summary>
    public string? Crc32c { get; init; }
}
