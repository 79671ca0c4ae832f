using CostSync.Oci.ObjectStorage;

namespace CostSync.Sync.Transfer;

/// <summary>A source object and where it lives.</summary>
internal sealed record SourceObject(string Namespace, string Bucket, ObjectSummary Summary);
