using System.Security.Cryptography.X509Certificates;

namespace CostSync.OciEmulator.Identity;

/// <summary>The instance's current leaf certificate and key, as IMDS serves them.</summary>
internal sealed record InstanceLeaf(
    X509Certificate2 Certificate,
    string CertificatePem,
    string PrivateKeyPem,
    byte[] SubjectPublicKeyInfo,
    string Sha256Fingerprint,
    string Sha1Fingerprint);
