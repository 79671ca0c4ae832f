namespace CostSync.Sync.Configuration;

/// <summary>Which checksums S3 is asked to verify on every write.</summary>
public enum DestinationChecksum
{
    /// <summary>
    /// Content-MD5 plus S3 checksums: CRC-32C per part and a full-object CRC-32C at completion (<c>ChecksumCRC32C</c> on single
    /// PUTs), so S3 verifies and stores the number OCI vouched for. AWS S3 supports it; many S3-compatible stores do not.
    /// </summary>
    Crc32c,

    /// <summary>Content-MD5 on every PUT and part only: what every S3-compatible store supports.</summary>
    Md5Only,
}
