using System.Security.Cryptography;
using System.Text.Json.Serialization;
using CostSync.Oci.Redaction;

namespace CostSync.Oci.Auth;

/// <summary>A key id and the RSA private key that belongs to it. Printed, logged and serialized redacted (the key id may hold a token).</summary>
[JsonConverter(typeof(RedactedJsonConverter<OciSigningKey>))]
public sealed class OciSigningKey : IRedacted
{
    public OciSigningKey(string keyId, RSA privateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(privateKey);
        KeyId = keyId;
        PrivateKey = privateKey;
    }

    /// <summary><c>tenancy/user/fingerprint</c> for API keys, <c>ST$&lt;token&gt;</c> for session tokens.</summary>
    public string KeyId { get; }

    /// <summary>The private key that signs requests.</summary>
    public RSA PrivateKey { get; }

    /// <summary>Never prints the key id (it may hold a token).</summary>
    public override string ToString() => "OciSigningKey(***)";
}
