namespace CostSync.Oci.Secrets;

/// <summary>OCI Vault secret retrieval, shaped like the OCI SDK's <c>SecretsClient</c>.</summary>
public interface ISecretsClient
{
    /// <summary>Reads the current version of a secret by its OCID.</summary>
    /// <exception cref="OciServiceException">The service answered with an error.</exception>
    Task<SecretBundle> GetSecretBundleAsync(GetSecretBundleRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the current version of a secret by vault OCID and secret name.</summary>
    /// <exception cref="OciServiceException">The service answered with an error.</exception>
    Task<SecretBundle> GetSecretBundleByNameAsync(GetSecretBundleByNameRequest request, CancellationToken cancellationToken);
}
