using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;

namespace CostSync.Doctor;

/// <summary>
/// With <c>Destination:ObjectLock</c> set: does the bucket have Object Lock enabled (GetObjectLockConfiguration)? Without it
/// S3 refuses every write that asks for retention, so that is a FAIL with how to enable it; a bucket default retention that
/// differs from CostSync's is a WARN (CostSync's own retention applies to what it writes; the default to every other writer).
/// </summary>
internal static class ObjectLockCheck
{
    private const string Name = "S3 Object Lock";
    private const string Setting = "CostSync:Destination:ObjectLock";

    public static async Task<DoctorResult> RunAsync(DestinationOptions options, AWSCredentials? credentials, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (options.Kind != DestinationKind.S3)
        {
            return new DoctorResult(Name, DoctorStatus.Ok, "not applicable to a Directory destination");
        }

        if (S3ObjectLock.Retention(options, timeProvider.GetUtcNow()) is not { } retention)
        {
            return new DoctorResult(Name, DoctorStatus.Ok, $"not configured: objects CostSync writes carry no retention (set {Setting}:Mode and :RetainDays for an immutable archive)");
        }

        var wanted = $"{options.ObjectLock.Mode} for {options.ObjectLock.RetainDays} days (an object written now is kept until {retention.RetainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        var enable = EnableCommand(options.Bucket);
        using var client = S3ClientBuilder.Build(options, credentials);
        try
        {
            var response = await client.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationRequest { BucketName = options.Bucket }, cancellationToken);
            var configuration = response.ObjectLockConfiguration;
            if (configuration?.ObjectLockEnabled != ObjectLockEnabled.Enabled)
            {
                return NotEnabled(wanted, enable);
            }

            if (configuration.Rule?.DefaultRetention is not { } bucketDefault)
            {
                return new DoctorResult(Name, DoctorStatus.Ok, $"enabled on the bucket; every object CostSync writes is retained {wanted}");
            }

            var defaultDays = bucketDefault.Days ?? (bucketDefault.Years * 365);
            var defaultText = bucketDefault.Days is { } d ? $"{bucketDefault.Mode?.Value} for {d} days" : $"{bucketDefault.Mode?.Value} for {bucketDefault.Years} years";
            return string.Equals(bucketDefault.Mode?.Value, retention.Mode.Value, StringComparison.OrdinalIgnoreCase) && defaultDays == options.ObjectLock.RetainDays
                ? new DoctorResult(Name, DoctorStatus.Ok, $"enabled on the bucket, default retention {defaultText}, the same as CostSync's: every object CostSync writes is retained {wanted}")
                : new DoctorResult(
                    Name,
                    DoctorStatus.Warn,
                    $"enabled on the bucket, but its default retention is {defaultText} while CostSync sets {wanted} on every object it writes (its own setting applies to them; the default applies to other writers)",
                    $"make the bucket's default retention match {Setting}, or remove the default rule, so every object in the archive is kept alike");
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "ObjectLockConfigurationNotFoundError")
        {
            return NotEnabled(wanted, enable);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode != 0)
        {
            return new DoctorResult(
                Name,
                DoctorStatus.Warn,
                $"cannot read the bucket's Object Lock configuration ({ex.ErrorCode ?? ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture)}: {ex.Message}); CostSync requests {wanted} on every write",
                "allow s3:GetBucketObjectLockConfiguration on the bucket (deploy/aws/iam-policy.json) to see it here");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"cannot read the bucket's Object Lock configuration: {DestinationFailures.Describe(ex, options)}", "see the destination write check");
        }
    }

    private static DoctorResult NotEnabled(string wanted, string enable) =>
        new(
            Name,
            DoctorStatus.Fail,
            $"{Setting} asks for {wanted}, but the bucket does not have Object Lock enabled, so S3 refuses every write that asks for retention: every run would fail",
            $"enable it (it needs versioning; it cannot be turned off again): {enable}; or remove {Setting}");

    private static string EnableCommand(string? bucket) =>
        $"`aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled` then `aws s3api put-object-lock-configuration --bucket {bucket} --object-lock-configuration ObjectLockEnabled=Enabled`";
}
