namespace CostSync.Configuration;

/// <summary>AWS credentials for the destination; bound from <c>CostSync:Destination:Credentials</c>.</summary>
internal sealed class CredentialsOptions
{
    /// <summary>OciVault, Environment or Default. <value>Default: <see cref="CredentialsSource.OciVault"/>.</value></summary>
    public CredentialsSource Source { get; set; } = CredentialsSource.OciVault;

    /// <summary>OCID of the Vault secret holding the access key id.</summary>
    public string? AccessKeySecretId { get; set; }

    /// <summary>OCID of the Vault secret holding the secret access key.</summary>
    public string? SecretKeySecretId { get; set; }

    /// <summary>OCID of one Vault secret holding JSON <c>{ "accessKeyId", "secretAccessKey", "sessionToken"? }</c>; instead of the two above.</summary>
    public string? SecretId { get; set; }
}
