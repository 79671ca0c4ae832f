namespace CostSync.Sync.Destinations;

/// <summary>The digests CostSync computed over the bytes of one write, for the destination to check before it stores anything.</summary>
/// <param name="Md5">Base64 MD5 (<c>Content-MD5</c>), always checked.</param>
/// <param name="Crc32c">Base64 big-endian CRC-32C; sent as an S3 checksum when <c>Destination:Checksum</c> is <c>Crc32c</c>, checked by Directory always.</param>
public sealed record ContentDigests(string Md5, string? Crc32c = null);
