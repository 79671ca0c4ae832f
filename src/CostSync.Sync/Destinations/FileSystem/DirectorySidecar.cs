namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>An object's ETag and user metadata, stored beside the folder tree under <c>.costsync/meta</c>.</summary>
internal sealed record DirectorySidecar(string ETag, Dictionary<string, string> Metadata);
