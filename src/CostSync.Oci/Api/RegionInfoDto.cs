namespace CostSync.Oci.Api;

/// <summary>Wire shape of instance metadata <c>/instance/regionInfo</c>.</summary>
internal sealed record RegionInfoDto(string? RealmKey, string? RealmDomainComponent, string? RegionKey, string? RegionIdentifier);
