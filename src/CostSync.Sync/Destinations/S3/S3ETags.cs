namespace CostSync.Sync.Destinations.S3;

/// <summary>Reads from one S3 answer whether its ETag is the MD5 of the content.</summary>
/// <remarks>
/// AWS ETags are not MD5s under SSE-KMS and DSSE-KMS (often the bucket's <i>default</i> encryption, set without CostSync
/// being told) and under SSE-C. The answer itself says which applies, so the decision is made per response.
/// </remarks>
internal static class S3ETags
{
    /// <summary>True when neither KMS encryption nor a customer-provided key shows in the answer.</summary>
    /// <param name="serverSideEncryption">The <c>x-amz-server-side-encryption</c> value, e.g. <c>AES256</c> or <c>aws:kms</c>.</param>
    /// <param name="customerAlgorithm">The <c>x-amz-server-side-encryption-customer-algorithm</c> value (SSE-C).</param>
    public static bool AreMd5(string? serverSideEncryption, string? customerAlgorithm) =>
        string.IsNullOrEmpty(customerAlgorithm)
        && !(serverSideEncryption ?? string.Empty).StartsWith("aws:kms", StringComparison.OrdinalIgnoreCase);
}
