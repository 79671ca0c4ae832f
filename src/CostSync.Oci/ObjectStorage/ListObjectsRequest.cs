namespace CostSync.Oci.ObjectStorage;

/// <summary>Parameters of ListObjects (<c>GET /n/{namespaceName}/b/{bucketName}/o</c>).</summary>
/// <param name="NamespaceName">The Object Storage namespace, e.g. <c>bling</c>.</param>
/// <param name="BucketName">The bucket; for cost reports the tenancy OCID.</param>
public sealed record ListObjectsRequest(string NamespaceName, string BucketName)
{
    /// <summary>Only names starting with this prefix.</summary>
    public string? Prefix { get; init; }

    /// <summary>Start listing at this name (inclusive). Used for paging.</summary>
    public string? Start { get; init; }

    /// <summary>Objects per page, at most 1000.</summary>
    /// <value>1000.</value>
    public int Limit { get; init; } = 1000;

    /// <summary>The fields to return.</summary>
    /// <value><c>name,size,md5,etag,timeCreated,timeModified</c>.</value>
    public string Fields { get; init; } = "name,size,md5,etag,timeCreated,timeModified";
}
