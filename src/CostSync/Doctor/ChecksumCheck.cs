using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Integrity;

namespace CostSync.Doctor;

/// <summary>
/// Probes whether the bucket verifies S3 checksums: one small part, with a correct Content-MD5 and a deliberately wrong
/// CRC-32C, of a multipart upload (CRC-32C, full object) that is always aborted. A bucket that verifies refuses the part
/// (BadDigest); one that ignores checksums accepts it; one that does not implement them answers 501. Nothing becomes
/// visible and no delete permission is needed. Then says whether <c>Destination:Checksum</c> fits the bucket.
/// </summary>
internal static class ChecksumCheck
{
    private const string Name = "S3 checksums";
    private static readonly byte[] Content = "CostSync doctor checksum probe; safe to delete.\n"u8.ToArray();

    private enum Support
    {
        Verified,
        Ignored,
        NotImplemented,
    }

    public static async Task<DoctorResult> RunAsync(DestinationOptions options, AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        if (options.Kind != DestinationKind.S3)
        {
            return new DoctorResult(Name, DoctorStatus.Ok, "not applicable to a Directory destination (the folder checks MD5 and CRC-32C itself)");
        }

        var mode = S3Checksums.Mode(options);
        var source = options.Checksum is null ? $"the default for {(options.ServiceUrl is null ? "AWS" : "an S3-compatible ServiceUrl")}" : "configured";
        Support support;
        try
        {
            support = await ProbeAsync(options, credentials, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"could not probe S3 checksums ({ex.ErrorCode ?? ex.StatusCode.ToString()}: {ex.Message}); Destination:Checksum = {mode} ({source})", "check that the key may s3:PutObject and s3:AbortMultipartUpload under the prefix");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"could not probe S3 checksums: {DestinationFailures.Describe(ex, options)}; Destination:Checksum = {mode} ({source})", "see the destination write check");
        }

        return (mode, support) switch
        {
            (DestinationChecksum.Crc32c, Support.Verified) =>
                new DoctorResult(Name, DoctorStatus.Ok, $"Destination:Checksum = Crc32c ({source}): the bucket verifies CRC-32C per part and of the whole object, and Content-MD5 on every PUT and part"),
            (DestinationChecksum.Crc32c, _) =>
                new DoctorResult(Name, DoctorStatus.Fail, $"Destination:Checksum = Crc32c ({source}) but the bucket {Describe(support)}: its multipart uploads would fail or go unchecked", "set CostSync:Destination:Checksum = Md5Only (Content-MD5 on every PUT and part, which every S3 store verifies)"),
            (_, Support.Verified) =>
                new DoctorResult(Name, DoctorStatus.Ok, $"Destination:Checksum = Md5Only ({source}): Content-MD5 on every PUT and part; this bucket also verifies CRC-32C (set Destination:Checksum = Crc32c to use it)"),
            _ =>
                new DoctorResult(Name, DoctorStatus.Ok, $"Destination:Checksum = Md5Only ({source}): Content-MD5 on every PUT and part; the bucket {Describe(support)}"),
        };
    }

    private static string Describe(Support support) => support switch
    {
        Support.Ignored => "accepts S3 checksums without verifying them",
        _ => "does not implement S3 checksums (501)",
    };

    private static async Task<Support> ProbeAsync(DestinationOptions options, AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        var prefix = options.Prefix?.Trim('/');
        var key = $"{(string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/")}.costsync/doctor-checksum-probe-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var wrong = Crc32CDigests.ToBase64(~Crc32CDigests.Hash(Content));
        using var client = S3ClientBuilder.Build(options, credentials);

        // A part of an upload that is always aborted: nothing becomes visible and no s3:DeleteObject is needed.
        var upload = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key, ChecksumAlgorithm = ChecksumAlgorithm.CRC32C, ChecksumType = ChecksumType.FULL_OBJECT },
            cancellationToken);
        try
        {
            await client.UploadPartAsync(
                new UploadPartRequest
                {
                    BucketName = options.Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = 1,
                    InputStream = new MemoryStream(Content, writable: false),
                    PartSize = Content.Length,
                    MD5Digest = Convert.ToBase64String(Md5Digests.Hash(Content)),
                    ChecksumCRC32C = wrong,
                    UseChunkEncoding = !options.S3Compatible,
                },
                cancellationToken);
            return Support.Ignored;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BadDigest" or "InvalidDigest" or "XAmzContentChecksumMismatch")
        {
            return Support.Verified;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotImplemented || ex.ErrorCode == "NotImplemented")
        {
            return Support.NotImplemented;
        }
        finally
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = options.Bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
        }
    }
}
