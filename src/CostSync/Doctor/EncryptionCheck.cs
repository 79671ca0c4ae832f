using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;

namespace CostSync.Doctor;

/// <summary>Reports the bucket's default encryption (GetBucketEncryption) and what that means for verifying writes.</summary>
/// <remarks>
/// Under SSE-KMS, DSSE-KMS and SSE-C an S3 ETag is not the MD5 of the content. CostSync decides that from every answer
/// itself, so this check only tells the operator what to expect; not being allowed to read the setting is a warning.
/// </remarks>
internal static class EncryptionCheck
{
    private const string Name = "S3 encryption";

    public static async Task<DoctorResult> RunAsync(DestinationOptions options, AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        if (options.Kind != DestinationKind.S3)
        {
            return new DoctorResult(Name, DoctorStatus.Ok, "not applicable to a Directory destination");
        }

        var writes = string.IsNullOrWhiteSpace(options.ServerSideEncryption) ? string.Empty : $"; CostSync requests {options.ServerSideEncryption} on every write (CostSync:Destination:ServerSideEncryption)";
        using var client = S3ClientBuilder.Build(options, credentials);
        try
        {
            var response = await client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = options.Bucket }, cancellationToken);
            var rule = response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault()?.ServerSideEncryptionByDefault;
            var algorithm = rule?.ServerSideEncryptionAlgorithm?.Value;
            if (string.IsNullOrEmpty(algorithm))
            {
                return new DoctorResult(Name, DoctorStatus.Ok, $"the bucket reports no default encryption: ETags are MD5s and are compared with what was sent{writes}");
            }

            var key = string.IsNullOrEmpty(rule!.ServerSideEncryptionKeyManagementServiceKeyId) ? string.Empty : $" with key {rule.ServerSideEncryptionKeyManagementServiceKeyId}";
            return S3ETags.AreMd5(algorithm, null)
                ? new DoctorResult(Name, DoctorStatus.Ok, $"default encryption {algorithm}{key}: ETags are MD5s and are compared with what was sent{writes}")
                : new DoctorResult(Name, DoctorStatus.Ok, $"default encryption {algorithm}{key}: ETags are not MD5s, so writes rest on what S3 verifies itself (Content-MD5 on every PUT and part, and CRC-32C with Destination:Checksum = Crc32c){writes}");
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "ServerSideEncryptionConfigurationNotFoundError")
        {
            return new DoctorResult(Name, DoctorStatus.Ok, $"no default encryption: ETags are MD5s and are compared with what was sent{writes}");
        }
        catch (AmazonS3Exception ex)
        {
            return new DoctorResult(
                Name,
                DoctorStatus.Warn,
                $"cannot read the bucket's default encryption ({ex.ErrorCode ?? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}); CostSync judges from each S3 answer whether its ETag is an MD5 and relies on Content-MD5 (and CRC-32C) checks by S3",
                "to see it here, allow s3:GetEncryptionConfiguration on the bucket (optional)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"cannot read the bucket's default encryption: {DestinationFailures.Describe(ex, options)}", "see the destination write check");
        }
    }
}
