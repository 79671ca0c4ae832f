namespace CostSync.Oci.ObjectStorage;

/// <summary>Parameters of HeadObject.</summary>
public sealed record HeadObjectRequest(string NamespaceName, string BucketName, string ObjectName)
{
    /// <summary>Sent as <c>If-Match</c>: the call fails with 412 when the object is no longer this version.</summary>
    public string? IfMatch { get; init; }
}
