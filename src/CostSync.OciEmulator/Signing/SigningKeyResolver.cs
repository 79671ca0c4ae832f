using System.Diagnostics.CodeAnalysis;
using CostSync.OciEmulator.Identity;
using CostSync.OciEmulator.Requests;

namespace CostSync.OciEmulator.Signing;

/// <summary>Maps a keyId (API key, <c>ST$</c> token, or federation certificate) to the public key that must verify the signature.</summary>
internal sealed class SigningKeyResolver(ApiKeyRegistry apiKeys, TokenIssuer tokens, Lazy<CertificateAuthority> authority, string tenancyId)
{
    public bool TryResolve(string keyId, string operation, [NotNullWhen(true)] out byte[]? publicKey, out PrincipalKind principal, [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        principal = PrincipalKind.Anonymous;
        bool federation = operation == Operations.Federation;
        if (keyId.StartsWith("ST$", StringComparison.Ordinal))
        {
            if (federation)
            {
                error = "Federation requests must be signed with the instance certificate key (keyId '<tenancy>/fed-x509-sha256/<fingerprint>'), not a security token.";
                return false;
            }

            if (!tokens.TryValidate(keyId[3..], out IssuedToken? token, out error))
            {
                return false;
            }

            publicKey = token.SessionPublicKey;
            principal = token.Kind;
            return true;
        }

        string[] parts = keyId.Split('/');
        if (parts.Length == 3 && (parts[1] is "fed-x509-sha256" or "fed-x509"))
        {
            return TryResolveFederation(parts, federation, out publicKey, out principal, out error);
        }

        if (federation)
        {
            error = $"Federation requests must use keyId '<tenancy>/fed-x509-sha256/<fingerprint>'; got '{keyId}'.";
            return false;
        }

        if (parts.Length != 3)
        {
            error = $"keyId '{keyId}' is not of the form '<tenancy OCID>/<user OCID>/<key fingerprint>' or 'ST$<token>'.";
            return false;
        }

        if (!apiKeys.TryGet(keyId, out publicKey))
        {
            error = $"keyId '{keyId}' is not a registered API key: check the tenancy, user and fingerprint in the config file.";
            return false;
        }

        principal = PrincipalKind.ApiKey;
        error = null;
        return true;
    }

    private bool TryResolveFederation(string[] parts, bool federation, [NotNullWhen(true)] out byte[]? publicKey, out PrincipalKind principal, [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        principal = PrincipalKind.Anonymous;
        if (!federation)
        {
            error = "Instance certificate keyIds (fed-x509) are only accepted by the authentication service (/v1/x509); sign with the federated token instead.";
            return false;
        }

        if (!string.Equals(parts[0], tenancyId, StringComparison.Ordinal))
        {
            error = $"keyId tenancy '{parts[0]}' is not the instance's tenancy.";
            return false;
        }

        InstanceLeaf leaf = authority.Value.Leaf;
        string expected = parts[1] == "fed-x509-sha256" ? leaf.Sha256Fingerprint : leaf.Sha1Fingerprint;
        if (!string.Equals(parts[2], expected, StringComparison.OrdinalIgnoreCase))
        {
            error = $"keyId fingerprint '{parts[2]}' is not the fingerprint of the instance's current certificate (was it rotated? re-read identity/cert.pem).";
            return false;
        }

        publicKey = leaf.SubjectPublicKeyInfo;
        principal = PrincipalKind.InstanceCertificate;
        error = null;
        return true;
    }
}
