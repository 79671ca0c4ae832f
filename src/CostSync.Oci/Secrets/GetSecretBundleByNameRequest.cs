namespace CostSync.Oci.Secrets;

/// <summary>Parameters of GetSecretBundleByName.</summary>
public sealed record GetSecretBundleByNameRequest(string VaultId, string SecretName);
