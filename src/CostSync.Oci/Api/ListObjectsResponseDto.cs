namespace CostSync.Oci.Api;

/// <summary>Wire shape of a ListObjects page.</summary>
internal sealed record ListObjectsResponseDto(IReadOnlyList<ObjectSummaryDto>? Objects, IReadOnlyList<string>? Prefixes, string? NextStartWith);
