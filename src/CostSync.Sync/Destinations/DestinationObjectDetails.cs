namespace CostSync.Sync.Destinations;

/// <summary>One object's metadata (HeadObject).</summary>
public sealed record DestinationObjectDetails(
    string Key,
    long Size,
    string? ETag,
    string? VersionId,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);
