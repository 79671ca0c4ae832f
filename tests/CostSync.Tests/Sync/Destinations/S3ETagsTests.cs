using CostSync.Sync.Destinations.S3;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

public sealed class S3ETagsTests
{
    [Theory]
    // no encryption header, SSE-S3 and other server-side schemes: the ETag is the MD5
    [InlineData(null, null, true)]
    [InlineData("", "", true)]
    [InlineData("AES256", null, true)]
    // SSE-KMS and DSSE-KMS (often a bucket's default): not an MD5
    [InlineData("aws:kms", null, false)]
    [InlineData("aws:kms:dsse", null, false)]
    // SSE-C: not an MD5, whatever else the answer says
    [InlineData(null, "AES256", false)]
    [InlineData("AES256", "AES256", false)]
    public void AreMd5_DecidedFromTheAnswerHeaders(string? serverSideEncryption, string? customerAlgorithm, bool expected) =>
        Assert.Equal(expected, S3ETags.AreMd5(serverSideEncryption, customerAlgorithm));
}
