namespace CostSync.Oci.Api;

/// <summary>Wire shape of one object in a ListObjects page.</summary>
internal sealed record ObjectSummaryDto(string Name, long? Size, string? Md5, string? Etag, DateTimeOffset? TimeCreated, DateTimeOffset? TimeModified);
