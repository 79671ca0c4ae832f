namespace CostSync.Oci.Api;

/// <summary>Wire shape of a PublishMessage body.</summary>
internal sealed record MessageDetailsDto(string? Title, string Body);
