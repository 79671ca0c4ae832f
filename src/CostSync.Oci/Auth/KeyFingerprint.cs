using System.Security.Cryptography;

namespace CostSync.Oci.Auth;

/// <summary>The fingerprints OCI identifies keys and certificates by: colon-separated lowercase hex.</summary>
internal static class KeyFingerprint
{
    /// <summary>The API-key fingerprint: MD5 of the public key's DER SubjectPublicKeyInfo, as the Console shows it.</summary>
    public static string Of(RSA key)
    {
        // MD5 is OCI's key identifier format here, not a security control.
#pragma warning disable CA5351
        return Format(MD5.HashData(key.ExportSubjectPublicKeyInfo()));
#pragma warning restore CA5351
    }

    /// <summary>SHA-256 of a certificate's DER, for the federation key id.</summary>
    public static string Sha256Of(byte[] der) => Format(SHA256.HashData(der));

    /// <summary>SHA-1 of a certificate's DER, for the older federation key id form.</summary>
    public static string Sha1Of(byte[] der)
    {
        // The SHA-1 key id form is what the Python/.NET SDKs send; it identifies, it does not protect.
#pragma warning disable CA5350
        return Format(SHA1.HashData(der));
#pragma warning restore CA5350
    }

    private static string Format(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
