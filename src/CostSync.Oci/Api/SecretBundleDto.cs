namespace CostSync.Oci.Api;

/// <summary>Wire shape of a secret bundle (only the fields CostSync reads).</summary>
internal sealed record SecretBundleDto(string? SecretId, long? VersionNumber, SecretBundleContentDto? SecretBundleContent);
