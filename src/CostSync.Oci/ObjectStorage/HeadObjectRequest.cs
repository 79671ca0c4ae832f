namespace CostSync.Oci.ObjectStorage;

/// <summary>Parameters of HeadObject.</summary>
public sealed record HeadObjectRequest(string NamespaceName, string BucketName, string ObjectName);
