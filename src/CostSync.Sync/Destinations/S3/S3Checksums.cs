using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>Resolves <c>Destination:Checksum</c>: <c>Crc32c</c> on AWS, <c>Md5Only</c> on an S3-compatible endpoint, unless set.</summary>
internal static class S3Checksums
{
    public static DestinationChecksum Mode(DestinationOptions options) =>
        options.Checksum ?? (options.ServiceUrl is null ? DestinationChecksum.Crc32c : DestinationChecksum.Md5Only);
}
