using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

public sealed class S3WriteSettingsTests
{
    [Fact]
    public void Apply_KmsStorageClassAndOverwriteProtection_SetOnPutAndComplete()
    {
        var options = new DestinationOptions { ServerSideEncryption = "aws:kms", KmsKeyId = "arn:aws:kms:eu-west-1:1:key/k", StorageClass = "STANDARD_IA", OverwriteProtection = true };
        var put = new PutObjectRequest();
        var initiate = new InitiateMultipartUploadRequest();
        var complete = new CompleteMultipartUploadRequest();

        S3WriteSettings.Apply(put, options, WriteKind.Report);
        S3WriteSettings.Apply(initiate, options);
        S3WriteSettings.Apply(complete, options);

        Assert.Equal((ServerSideEncryptionMethod.AWSKMS, "arn:aws:kms:eu-west-1:1:key/k", S3StorageClass.StandardInfrequentAccess, "*"), (put.ServerSideEncryptionMethod, put.ServerSideEncryptionKeyManagementServiceKeyId, put.StorageClass, put.IfNoneMatch));
        Assert.Equal((ServerSideEncryptionMethod.AWSKMS, S3StorageClass.StandardInfrequentAccess), (initiate.ServerSideEncryptionMethod, initiate.StorageClass));
        Assert.Equal("*", complete.IfNoneMatch);
    }

    [Fact]
    public void Apply_Aes256WithoutKeyId_SetsSseS3Only()
    {
        var put = new PutObjectRequest();

        S3WriteSettings.Apply(put, new DestinationOptions { ServerSideEncryption = "AES256", KmsKeyId = "ignored" }, WriteKind.Report);

        Assert.Equal(ServerSideEncryptionMethod.AES256, put.ServerSideEncryptionMethod);
        Assert.Null(put.ServerSideEncryptionKeyManagementServiceKeyId);
        Assert.Null(put.IfNoneMatch);
    }
}
