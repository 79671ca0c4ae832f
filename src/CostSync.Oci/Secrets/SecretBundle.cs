namespace CostSync.Oci.Secrets;

/// <summary>A secret version; <see cref="Content"/> is already base64-decoded and redacted when printed.</summary>
public sealed record SecretBundle(string SecretId, long VersionNumber, SecretValue Content);
