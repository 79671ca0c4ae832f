using System.Text.Json.Serialization;
using Amazon.Runtime;
using CostSync.Oci.Redaction;

namespace CostSync.Credentials;

/// <summary>The credentials one run uses: the SDK object (null = the SDK's default chain) and, for Vault, the keys it was built from. Prints, logs and serializes as <c>***</c>.</summary>
[JsonConverter(typeof(RedactedJsonConverter<RunCredentials>))]
internal sealed record RunCredentials(AWSCredentials? Credentials, AwsKeyPair? Keys) : IRedacted
{
    /// <summary>Never the SDK object's own text: only which kind of credentials this is.</summary>
    public override string ToString() => $"RunCredentials({(Keys is not null ? "Vault keys" : Credentials is null ? "SDK default chain" : Credentials.GetType().Name)}, {Redacted.Text})";

    /// <summary>True when both come from Vault and hold the same keys (so re-running after a 403 is pointless).</summary>
    public bool SameKeysAs(RunCredentials other) => Keys is not null && Keys.Equals(other.Keys);
}
