namespace CostSync.Sync.Integrity;

/// <summary>The independent checks that vouched for one copy's bytes; what the run evidence lists per object.</summary>
[Flags]
public enum VerificationChecks
{
    /// <summary>No check (never the case for a stored copy: the destination always checks Content-MD5).</summary>
    None = 0,

    /// <summary>The bytes read hash to the whole-object MD5 OCI listed (single-part sources).</summary>
    OciMd5 = 1,

    /// <summary>The bytes read hash to OCI's <c>opc-content-crc32c</c> for the whole object.</summary>
    OciCrc32c = 2,

    /// <summary>The destination checked the Content-MD5 of every request body (the object, or each part) before storing it.</summary>
    DestinationContentMd5 = 4,

    /// <summary>The destination's answer shows an ETag that is the MD5 (or multipart MD5) of the bytes sent.</summary>
    DestinationETag = 8,

    /// <summary>The destination reports a full-object CRC-32C equal to the one computed (S3 <c>x-amz-checksum-crc32c</c>).</summary>
    DestinationFullObjectCrc32c = 16,
}
