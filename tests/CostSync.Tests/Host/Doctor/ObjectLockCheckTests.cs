using CostSync.Doctor;
using CostSync.Sync.Configuration;
using CostSync.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Host.Doctor;

/// <summary>GetObjectLockConfiguration against a bucket that answers like AWS (<c>tests/servers/kmsproxy.js</c>), and plain Swift, which has no Object Lock.</summary>
public sealed class ObjectLockCheckTests(SwiftS3Fixture swift)
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_EnabledWithoutDefaultRetention_SaysWhatEveryWriteGets()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.ObjectLock, Ct);

        var result = await ObjectLockCheck.RunAsync(await LockedAsync(proxy, RetentionMode.Compliance, 2557), swift.Credentials, Clock, Ct);

        Assert.Equal((DoctorStatus.Ok, "enabled on the bucket; every object CostSync writes is retained Compliance for 2557 days (an object written now is kept until 2033-03-01)"), (result.Status, result.Detail));
    }

    [Fact]
    public async Task Run_BucketDefaultDiffers_WarnsNamingBoth()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.ObjectLockDefault, Ct);

        var result = await ObjectLockCheck.RunAsync(await LockedAsync(proxy, RetentionMode.Compliance, 2557), swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Warn, result.Status);
        Assert.StartsWith("enabled on the bucket, but its default retention is GOVERNANCE for 30 days while CostSync sets Compliance for 2557 days", result.Detail, StringComparison.Ordinal);
        Assert.Contains("CostSync:Destination:ObjectLock", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BucketDefaultMatches_IsOk()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.ObjectLockDefault, Ct);

        var result = await ObjectLockCheck.RunAsync(await LockedAsync(proxy, RetentionMode.Governance, 30), swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.StartsWith("enabled on the bucket, default retention GOVERNANCE for 30 days, the same as CostSync's", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BucketWithoutObjectLock_FailsSayingHowToEnableIt()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.ObjectLockMissing, Ct);
        var options = await LockedAsync(proxy, RetentionMode.Governance, 365);

        var result = await ObjectLockCheck.RunAsync(options, swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("the bucket does not have Object Lock enabled, so S3 refuses every write that asks for retention", result.Detail, StringComparison.Ordinal);
        Assert.Contains($"aws s3api put-object-lock-configuration --bucket {options.Bucket} --object-lock-configuration ObjectLockEnabled=Enabled", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoreWithoutObjectLock_Fails()
    {
        var options = swift.Options(await swift.CreateBucketAsync(Ct));
        options.ObjectLock = new ObjectLockOptions { Mode = RetentionMode.Governance, RetainDays = 365 };

        var result = await ObjectLockCheck.RunAsync(options, swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Fail, result.Status);
    }

    [Fact]
    public async Task Run_KeyMayNotReadTheSetting_WarnsNamingThePermission()
    {
        await using var proxy = await KmsProxy.StartAsync(swift, KmsProxy.Mode.ObjectLockDenied, Ct);

        var result = await ObjectLockCheck.RunAsync(await LockedAsync(proxy, RetentionMode.Governance, 365), swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Warn, result.Status);
        Assert.StartsWith("cannot read the bucket's Object Lock configuration (AccessDenied", result.Detail, StringComparison.Ordinal);
        Assert.Contains("s3:GetBucketObjectLockConfiguration", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NotConfigured_IsOkWithoutAskingTheBucket()
    {
        // nothing answers on port 1: a request would be a warning
        var options = swift.Options("never-asked");
        options.ServiceUrl = new Uri("http://127.0.0.1:1");

        var result = await ObjectLockCheck.RunAsync(options, swift.Credentials, Clock, Ct);

        Assert.Equal(DoctorStatus.Ok, result.Status);
        Assert.StartsWith("not configured: objects CostSync writes carry no retention", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DirectoryDestination_IsNotApplicable()
    {
        var result = await ObjectLockCheck.RunAsync(new DestinationOptions { Kind = DestinationKind.Directory, Path = "/tmp/x" }, null, Clock, Ct);

        Assert.Equal((DoctorStatus.Ok, "not applicable to a Directory destination"), (result.Status, result.Detail));
    }

    private async Task<DestinationOptions> LockedAsync(KmsProxy proxy, RetentionMode mode, int days)
    {
        var options = proxy.Options(await swift.CreateBucketAsync(Ct));
        options.ObjectLock = new ObjectLockOptions { Mode = mode, RetainDays = days };
        return options;
    }
}
