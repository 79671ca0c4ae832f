namespace CostSync.Configuration;

/// <summary>Where the AWS keys for an S3 destination come from.</summary>
internal enum CredentialsSource
{
    /// <summary>OCI Vault secrets, read at the start of every run.</summary>
    OciVault,

    /// <summary>The AWS SDK's environment variables (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>).</summary>
    Environment,

    /// <summary>The AWS SDK's default credential chain (profiles, instance roles, …).</summary>
    Default,
}
