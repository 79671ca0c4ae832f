namespace CostSync.Sync.Destinations;

/// <summary>One object from a destination listing.</summary>
/// <param name="Key">The full key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">The ETag without quotes, when the listing carries one.</param>
/// <param name="LastModified">When the object was written.</param>
public sealed record DestinationObject(string Key, long Size, string? ETag, DateTimeOffset? LastModified);
