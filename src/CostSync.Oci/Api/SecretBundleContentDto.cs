namespace CostSync.Oci.Api;

/// <summary>Wire shape of a secret bundle's content: <c>contentType</c> is <c>BASE64</c>.</summary>
/// <param name="ContentType"><c>BASE64</c>.</param>
/// <param name="Content">The base64 of the secret: read into a <see cref="SecretValue"/>, so the record prints <c>***</c>.</param>
internal sealed record SecretBundleContentDto(string? ContentType, SecretValue? Content);
