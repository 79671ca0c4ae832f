namespace CostSync.Oci.Api;

/// <summary>Wire shape of an OCI error body.</summary>
internal sealed record ErrorDto(string? Code, string? Message);
