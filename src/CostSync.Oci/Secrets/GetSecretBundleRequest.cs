namespace CostSync.Oci.Secrets;

/// <summary>Parameters of GetSecretBundle.</summary>
public sealed record GetSecretBundleRequest(string SecretId);
