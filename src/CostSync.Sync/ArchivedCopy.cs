using CostSync.Sync.Integrity;

namespace CostSync.Sync;

/// <summary>What one copy put in the archive and what vouched for its bytes; the per-object line of the run evidence.</summary>
/// <param name="Key">The destination key.</param>
/// <param name="Size">Bytes stored (the source size).</param>
/// <param name="ETag">The destination's ETag, without quotes.</param>
/// <param name="VersionId">The destination's version id, when the bucket is versioned.</param>
/// <param name="Checks">The checks that passed for these bytes.</param>
public sealed record ArchivedCopy(string Key, long Size, string? ETag, string? VersionId, VerificationChecks Checks)
{
    /// <summary>Base64 MD5 of the source as OCI reported it (multipart form <c>base64-N</c> for multipart-uploaded sources).</summary>
    public string? SourceMd5 { get; init; }

    /// <summary>Base64 (big-endian) CRC-32C of the bytes copied.</summary>
    public string? SourceCrc32c { get; init; }
}
