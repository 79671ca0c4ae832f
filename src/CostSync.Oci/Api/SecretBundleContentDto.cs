namespace CostSync.Oci.Api;

/// <summary>Wire shape of a secret bundle's content: <c>contentType</c> is <c>BASE64</c>.</summary>
internal sealed record SecretBundleContentDto(string? ContentType, string? Content);
