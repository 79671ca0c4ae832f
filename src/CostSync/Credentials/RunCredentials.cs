using Amazon.Runtime;

namespace CostSync.Credentials;

/// <summary>The credentials one run uses: the SDK object (null = the SDK's default chain) and, for Vault, the keys it was built from.</summary>
internal sealed record RunCredentials(AWSCredentials? Credentials, AwsKeyPair? Keys)
{
    /// <summary>True when both come from Vault and hold the same keys (so re-running after a 403 is pointless).</summary>
    public bool SameKeysAs(RunCredentials other) => Keys is not null && Keys.Equals(other.Keys);
}
