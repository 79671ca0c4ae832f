using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CostSync.OciEmulator.Signing;

/// <summary>API keys the emulator trusts, by keyId <c>tenancy/user/fingerprint</c>.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <summary>Trusts <paramref name="publicKey"/> for the given user; returns the keyId.</summary>
    public string Register(string tenancyId, string userId, RSA publicKey)
    {
        string keyId = $"{tenancyId}/{userId}/{KeyFingerprint.ForPublicKey(publicKey)}";
        _keys[keyId] = publicKey.ExportSubjectPublicKeyInfo();
        return keyId;
    }

    public bool TryGet(string keyId, [NotNullWhen(true)] out byte[]? subjectPublicKeyInfo) =>
        _keys.TryGetValue(keyId, out subjectPublicKeyInfo);
}
