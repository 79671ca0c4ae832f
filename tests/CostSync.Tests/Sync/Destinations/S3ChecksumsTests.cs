using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

public sealed class S3ChecksumsTests
{
    [Theory]
    // unset: CRC-32C on AWS, Content-MD5 only on an S3-compatible endpoint
    [InlineData(null, null, DestinationChecksum.Crc32c)]
    [InlineData("http://127.0.0.1:18080", null, DestinationChecksum.Md5Only)]
    // set: what the operator chose
    [InlineData(null, DestinationChecksum.Md5Only, DestinationChecksum.Md5Only)]
    [InlineData("https://minio.example", DestinationChecksum.Crc32c, DestinationChecksum.Crc32c)]
    public void Mode_Table(string? serviceUrl, DestinationChecksum? configured, DestinationChecksum expected) =>
        Assert.Equal(expected, S3Checksums.Mode(new DestinationOptions { ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl), Checksum = configured }));
}
