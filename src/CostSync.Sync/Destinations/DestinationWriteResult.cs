namespace CostSync.Sync.Destinations;

/// <summary>What a completed write returned.</summary>
/// <param name="ETag">The object's ETag without quotes (S3: hex MD5 or <c>md5-N</c>).</param>
/// <param name="VersionId">The version id when the bucket is versioned.</param>
public sealed record DestinationWriteResult(string? ETag, string? VersionId);
