namespace CostSync.Oci.Api;

/// <summary>Wire shape of the PublishMessage answer.</summary>
internal sealed record PublishResultDto(string? MessageId, string? TimeStamp);
