using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>Applies encryption, storage class and overwrite protection from <see cref="DestinationOptions"/> to write requests.</summary>
internal static class S3WriteSettings
{
    public static void Apply(PutObjectRequest request, DestinationOptions options, WriteKind kind)
    {
        if (Encryption(options) is { } method)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId(options);
        }

        if (kind == WriteKind.Internal)
        {
            return; // the ledger is rewritten every run and must stay readable: no If-None-Match, no archive class
        }

        if (!string.IsNullOrWhiteSpace(options.StorageClass))
        {
            request.StorageClass = S3StorageClass.FindValue(options.StorageClass);
        }

        if (options.OverwriteProtection)
        {
            request.IfNoneMatch = "*";
        }
    }

    public static void Apply(InitiateMultipartUploadRequest request, DestinationOptions options)
    {
        if (Encryption(options) is { } method)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId(options);
        }

        if (!string.IsNullOrWhiteSpace(options.StorageClass))
        {
            request.StorageClass = S3StorageClass.FindValue(options.StorageClass);
        }
    }

    /// <summary>A copy CostSync makes of its own object (a superseded report): encrypted and stored like reports; its key is new, so no overwrite protection.</summary>
    public static void Apply(CopyObjectRequest request, DestinationOptions options)
    {
        if (Encryption(options) is { } method)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId(options);
        }

        if (!string.IsNullOrWhiteSpace(options.StorageClass))
        {
            request.StorageClass = S3StorageClass.FindValue(options.StorageClass);
        }
    }

    public static void Apply(CompleteMultipartUploadRequest request, DestinationOptions options)
    {
        if (options.OverwriteProtection)
        {
            request.IfNoneMatch = "*";
        }
    }

    private static ServerSideEncryptionMethod? Encryption(DestinationOptions options) =>
        string.IsNullOrWhiteSpace(options.ServerSideEncryption) ? null : ServerSideEncryptionMethod.FindValue(options.ServerSideEncryption);

    private static string? KmsKeyId(DestinationOptions options) =>
        string.Equals(options.ServerSideEncryption, "aws:kms", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(options.KmsKeyId) ? options.KmsKeyId : null;
}
