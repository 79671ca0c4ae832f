using System.Text.Json.Serialization;

namespace CostSync.Sync.Ledger;

/// <summary>One line of the ledger: a copy (or, in Mirror mode, a deletion) and the source identity it was made from.</summary>
/// <param name="Name">The source object name.</param>
/// <param name="Size">The source size in bytes.</param>
/// <param name="Md5">Base64 MD5 of the source (single-part sources).</param>
/// <param name="MultipartMd5">The source's multipart MD5 <c>base64-N</c> (multipart-uploaded sources).</param>
/// <param name="ETag">The source etag.</param>
/// <param name="TimeCreated">When the source object was created.</param>
/// <param name="Key">The destination key.</param>
/// <param name="DestinationETag">The destination ETag after the copy.</param>
/// <param name="VersionId">The destination version id, when versioned.</param>
/// <param name="CopiedAt">When the copy completed (or the deletion happened); for an adopted object, when it was written.</param>
/// <param name="RunId">The run that did it (for adopted objects: the run named in the object's metadata); <c>rebuilt</c> in entries older versions reconstructed.</param>
internal sealed record LedgerEntry(
    string Name,
    long Size,
    string? Md5,
    string? MultipartMd5,
    string? ETag,
    DateTimeOffset? TimeCreated,
    string Key,
    string? DestinationETag,
    string? VersionId,
    DateTimeOffset CopiedAt,
    string RunId)
{
    /// <summary>True for a Mirror-mode deletion record.</summary>
    public bool? Deleted { get; init; }

    /// <summary>The run that found this object at the destination without a ledger entry and recorded it from its <c>costsync-*</c> metadata.</summary>
    public string? AdoptedBy { get; init; }

    /// <summary>On a copy that replaced a changed report: the key where the replaced bytes were preserved first.</summary>
    public string? SupersededKey { get; init; }

    /// <summary>On a preserved copy of replaced bytes: the report key those bytes were archived at.</summary>
    public string? SupersededFrom { get; init; }

    /// <summary>Base64 (big-endian) CRC-32C of the source: OCI's <c>opc-content-crc32c</c> when it sent one (and the bytes matched it), else computed from the bytes read.</summary>
    public string? SourceCrc32c { get; init; }

    /// <summary>
    /// Set when the object was written but the destination's answer did not prove it (e.g. an ETag that should have been the MD5
    /// and was not): what was doubted. The object is kept (S3 checked its Content-MD5), the run reports it as failed and alerts.
    /// </summary>
    public string? Doubt { get; init; }

    /// <summary>What validation found in the report's content; absent when it was not validated.</summary>
    public LedgerContent? Content { get; init; }

    /// <summary>The source MD5 in whichever form the source reported it (derived, not stored).</summary>
    [JsonIgnore]
    public string? SourceMd5 => Md5 ?? MultipartMd5;
}
