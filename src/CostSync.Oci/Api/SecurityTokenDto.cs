namespace CostSync.Oci.Api;

/// <summary>Wire shape of the federation answer.</summary>
internal sealed record SecurityTokenDto(string? Token);
