using System.Security.Cryptography;

namespace CostSync.OciEmulator.Signing;

/// <summary>Fingerprints in the OCI colon-separated lowercase hex form.</summary>
internal static class KeyFingerprint
{
    /// <summary>API key fingerprint: MD5 of the DER SubjectPublicKeyInfo.</summary>
#pragma warning disable CA5351 // MD5 is what OCI defines for API key fingerprints, not a security decision here.
    public static string ForPublicKey(RSA key) => Colon(MD5.HashData(key.ExportSubjectPublicKeyInfo()));
#pragma warning restore CA5351

    public static string Colon(ReadOnlySpan<byte> hash) =>
        string.Join(':', hash.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
