namespace CostSync.Oci.ObjectStorage;

/// <summary>Parameters of GetObject.</summary>
public sealed record GetObjectRequest(string NamespaceName, string BucketName, string ObjectName)
{
    /// <summary>Only this byte range; the whole object when <see langword="null"/>.</summary>
    public ByteRange? Range { get; init; }

    /// <summary>Sent as <c>If-Match</c>: the read fails with 412 when the object changed, so all ranges come from one version.</summary>
    public string? IfMatch { get; init; }
}
