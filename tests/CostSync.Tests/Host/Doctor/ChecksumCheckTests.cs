using Amazon.S3.Model;
using CostSync.Doctor;
using CostSync.Sync.Configuration;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Doctor;

/// <summary>The S3 checksum probe against a bucket that verifies CRC-32C (AWS-like proxy) and one that ignores it (Swift).</summary>
public sealed class ChecksumCheckTests(SwiftS3Fixture swift)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_Crc32cOnABucketThatVerifiesIt_IsOkAndLeavesNothingBehind()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.Kms | KmsProxy.Mode.Checksums, Ct);
        var bucket = await swift.CreateBucketAsync(Ct);

        var result = await ChecksumCheck.RunAsync(proxy.Options(bucket, DestinationChecksum.Crc32c), swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.StartsWith("Destination:Checksum = Crc32c (configured): the bucket verifies CRC-32C", result.Detail, StringComparison.Ordinal);
        await AssertNothingLeftAsync(bucket);
    }

    [Fact]
    public async Task Run_Crc32cOnSwiftWhichIgnoresChecksums_FailsNamingMd5OnlyAndLeavesNothingBehind()
    {
        var bucket = await swift.CreateBucketAsync(Ct);
        var options = swift.Options(bucket);
        options.Checksum = DestinationChecksum.Crc32c;

        var result = await ChecksumCheck.RunAsync(options, swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("accepts S3 checksums without verifying them", result.Detail, StringComparison.Ordinal);
        Assert.Contains("CostSync:Destination:Checksum = Md5Only", result.Fix, StringComparison.Ordinal);
        await AssertNothingLeftAsync(bucket);
    }

    [Theory]
    // the default with a ServiceUrl is Md5Only; the probe says whether Crc32c would be available
    [InlineData(true, "this bucket also verifies CRC-32C")]
    [InlineData(false, "accepts S3 checksums without verifying them")]
    public async Task Run_DefaultOnAnS3CompatibleEndpoint_IsMd5OnlyAndSaysWhatTheBucketSupports(bool verifies, string says)
    {
        await using var proxy = await KmsProxy.StartAsync(swift, verifies ? KmsProxy.Mode.Checksums : KmsProxy.Mode.Kms, Ct);

        var result = await ChecksumCheck.RunAsync(proxy.Options(await swift.CreateBucketAsync(Ct)), swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.StartsWith("Destination:Checksum = Md5Only (the default for an S3-compatible ServiceUrl)", result.Detail, StringComparison.Ordinal);
        Assert.Contains(says, result.Detail, StringComparison.Ordinal);
    }

    private async Task AssertNothingLeftAsync(string bucket)
    {
        using var client = swift.CreateClient();
        var objects = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Ct);
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, Ct);
        Assert.Empty(objects.S3Objects ?? []);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }
}
