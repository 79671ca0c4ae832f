using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;

namespace CostSync.Doctor;

/// <summary>Looks for an enabled S3 lifecycle rule that aborts incomplete multipart uploads (so a crashed upload never bills forever).</summary>
internal static class LifecycleCheck
{
    private const string Name = "S3 lifecycle rule";
    private const string Fix = "add a lifecycle rule with AbortIncompleteMultipartUpload (e.g. DaysAfterInitiation = 7) on the bucket";

    public static async Task<DoctorResult> RunAsync(DestinationOptions options, AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        if (options.Kind != DestinationKind.S3)
        {
            return new DoctorResult(Name, DoctorStatus.Ok, "not applicable to a Directory destination");
        }

        using var client = S3ClientBuilder.Build(options, credentials);
        try
        {
            var response = await client.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = options.Bucket }, cancellationToken);
            var rule = response.Configuration?.Rules?.FirstOrDefault(r =>
                r.Status == LifecycleRuleStatus.Enabled && r.AbortIncompleteMultipartUpload is { DaysAfterInitiation: > 0 });
            return rule is not null
                ? new DoctorResult(Name, DoctorStatus.Ok, $"rule `{rule.Id}` aborts incomplete multipart uploads after {rule.AbortIncompleteMultipartUpload.DaysAfterInitiation} day(s)")
                : new DoctorResult(Name, DoctorStatus.Warn, "no enabled rule aborts incomplete multipart uploads (CostSync also aborts its own stale uploads at the start of each run)", Fix);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchLifecycleConfiguration")
        {
            return new DoctorResult(Name, DoctorStatus.Warn, "the bucket has no lifecycle configuration (CostSync also aborts its own stale uploads at the start of each run)", Fix);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode != 0)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"cannot read the lifecycle configuration ({ex.ErrorCode ?? ex.StatusCode.ToString()}: {ex.Message}); the server may not support lifecycle rules", Fix);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No answer at all (the write check above says so too): one line, never a stack trace.
            return new DoctorResult(Name, DoctorStatus.Warn, $"cannot read the lifecycle configuration: {DestinationFailures.Describe(ex, options)}", Fix);
        }
    }
}
