using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Validation;

namespace CostSync.Sync.Transfer;

/// <summary>An object that was written: what the destination answered, the source's CRC-32C, what was verified, and any doubt.</summary>
/// <param name="Written">The destination's answer to the completing write.</param>
/// <param name="SourceCrc32c">Base64 (big-endian) CRC-32C of the bytes copied.</param>
/// <param name="Verified">For the Debug log: which checks the bytes passed, e.g. "MD5 (listing), CRC-32C (OCI)".</param>
/// <param name="Doubt">Set when the destination's answer did not prove the write (the object is kept; the run reports it as failed).</param>
/// <param name="Checks">The same checks as data, for the run's evidence.</param>
internal sealed record CopiedObject(DestinationWriteResult Written, string SourceCrc32c, string Verified, string? Doubt, VerificationChecks Checks)
{
    /// <summary>What validation found in the report's content; null when it was not validated (off, or not a <c>.csv.gz</c>).</summary>
    public ContentCheck? Content { get; init; }
}

