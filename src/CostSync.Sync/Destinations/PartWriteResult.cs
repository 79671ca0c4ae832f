namespace CostSync.Sync.Destinations;

/// <summary>What one uploaded part returned.</summary>
/// <param name="ETag">The part's ETag without quotes.</param>
public sealed record PartWriteResult(string ETag)
{
    /// <summary>True when this response shows that <see cref="ETag"/> is the part's MD5 (see <see cref="DestinationWriteResult.ETagIsMd5"/>).</summary>
    public bool ETagIsMd5 { get; init; }

    /// <summary>The base64 CRC-32C the destination reports for the part, when it sent one.</summary>
    public string? Crc32c { get; init; }
}
