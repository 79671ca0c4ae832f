namespace CostSync.Evidence;

/// <summary>One object written to the archive in this run.</summary>
/// <param name="Name">The source object name.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Checks">The checks that vouched for the bytes (names of <see cref="Sync.Integrity.VerificationChecks"/>).</param>
/// <param name="Key">The destination key.</param>
/// <param name="VersionId">The destination version id (versioned buckets).</param>
/// <param name="ETag">The destination ETag.</param>
internal sealed record EvidenceObject(string Name, long Size, IReadOnlyList<string> Checks, string Key, string? VersionId, string? ETag)
{
    /// <summary>New or changed at the source.</summary>
    public required string Action { get; init; }

    /// <summary>Base64 MD5 as OCI reported it (<c>-N</c> suffix for multipart-uploaded sources).</summary>
    public string? SourceMd5 { get; init; }

    /// <summary>Base64 big-endian CRC-32C of the bytes.</summary>
    public string? SourceCrc32c { get; init; }

    /// <summary>Where the bytes this copy replaced were preserved.</summary>
    public string? SupersededKey { get; init; }

    /// <summary>Set when the destination's answer did not prove the write (the object is kept and reported as failed).</summary>
    public string? Doubt { get; init; }
}
