namespace CostSync.Oci.Api;

/// <summary>Wire shape of the federation answer.</summary>
/// <param name="Token">The security token: read into a <see cref="SecretValue"/>, so the record prints <c>***</c>.</param>
internal sealed record SecurityTokenDto(SecretValue? Token);
