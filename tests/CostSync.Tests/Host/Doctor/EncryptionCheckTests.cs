using CostSync.Doctor;
using CostSync.Sync.Configuration;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Doctor;

/// <summary>GetBucketEncryption against a KMS-like bucket (<c>tests/servers/kmsproxy.js</c>), a denying one, and plain Swift.</summary>
public sealed class EncryptionCheckTests(SwiftS3Fixture swift)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_DefaultKmsBucket_SaysKmsAndThatETagsAreNotMd5s()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.Kms | KmsProxy.Mode.BucketEncryption, Ct);

        var result = await EncryptionCheck.RunAsync(proxy.Options(await swift.CreateBucketAsync(Ct)), swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.Contains("default encryption aws:kms with key arn:aws:kms:", result.Detail, StringComparison.Ordinal);
        Assert.Contains("ETags are not MD5s, so writes rest on what S3 verifies itself (Content-MD5 on every PUT and part", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeyMayNotReadTheSetting_WarnsCannotRead()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.Kms | KmsProxy.Mode.BucketEncryptionDenied, Ct);

        var result = await EncryptionCheck.RunAsync(proxy.Options(await swift.CreateBucketAsync(Ct)), swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Warn, result.Status);
        Assert.StartsWith("cannot read the bucket's default encryption (AccessDenied)", result.Detail, StringComparison.Ordinal);
        Assert.Contains("s3:GetEncryptionConfiguration", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BucketWithoutDefaultEncryption_SaysETagsAreMd5s()
    {
        var result = await EncryptionCheck.RunAsync(swift.Options(await swift.CreateBucketAsync(Ct)), swift.Credentials, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.Contains("ETags are MD5s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DirectoryDestination_IsNotApplicable()
    {
        var result = await EncryptionCheck.RunAsync(new DestinationOptions { Kind = DestinationKind.Directory, Path = "/tmp/x" }, null, Ct);

        Assert.Equal((DoctorStatus.Ok, "not applicable to a Directory destination"), (result.Status, result.Detail));
    }
}
