namespace CostSync.Sync.Destinations;

/// <summary>An incomplete multipart upload (S3) or temp file (Directory).</summary>
public sealed record PendingUpload(string Key, string UploadId, DateTimeOffset? Initiated);
