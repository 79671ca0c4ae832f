using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CostSync.OciEmulator.Signing;

namespace CostSync.OciEmulator.Identity;

/// <summary>The emulator's own PKI: root → intermediate → instance leaf (rotatable).</summary>
internal sealed class CertificateAuthority : IDisposable
{
    private readonly TimeProvider _time;
    private readonly string _tenancyId;
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _intermediate;
    private InstanceLeaf _leaf;

    public CertificateAuthority(TimeProvider time, string tenancyId, string instanceId, string compartmentId)
    {
        _time = time;
        _tenancyId = tenancyId;
        InstanceId = instanceId;
        CompartmentId = compartmentId;
        DateTimeOffset now = time.GetUtcNow();
        using (RSA rootKey = SharedKeys.Get("emulator-root-ca"))
        {
            var rootRequest = CaRequest("CN=CostSync OCI Emulator Root CA, O=CostSync", rootKey);
            _root = rootRequest.CreateSelfSigned(now.AddDays(-2), now.AddYears(10));
        }

        using RSA intermediateKey = SharedKeys.Get("emulator-intermediate-ca");
        var intermediateRequest = CaRequest("CN=CostSync OCI Emulator Intermediate CA, O=CostSync", intermediateKey);
        using X509Certificate2 intermediatePublic = intermediateRequest.Create(_root, now.AddDays(-2), now.AddYears(5), NewSerial());
        _intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);
        IntermediatePem = _intermediate.ExportCertificatePem();
        _leaf = IssueLeaf(SharedKeys.Get("emulator-first-instance-leaf"));
    }

    public string InstanceId { get; }

    public string CompartmentId { get; }

    public string IntermediatePem { get; }

    public byte[] IntermediateDer => _intermediate.RawData;

    public InstanceLeaf Leaf => Volatile.Read(ref _leaf);

    /// <summary>Issues a new leaf with a new key for the same instance and tenancy; the old one stops federating.</summary>
    /// <remarks>The old leaf is not disposed: requests in flight may still be reading it.</remarks>
    public void RotateLeaf() => Volatile.Write(ref _leaf, IssueLeaf(RSA.Create(2048)));

    public void Dispose()
    {
        _root.Dispose();
        _intermediate.Dispose();
        Leaf.Certificate.Dispose();
    }

    private InstanceLeaf IssueLeaf(RSA newKey)
    {
        DateTimeOffset now = _time.GetUtcNow();
        using RSA key = newKey;
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(InstanceId);
        subject.AddOrganizationalUnitName("opc-certtype:instance");
        subject.AddOrganizationalUnitName($"opc-compartment:{CompartmentId}");
        subject.AddOrganizationalUnitName($"opc-tenant:{_tenancyId}");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        X509Certificate2 certificate = request.Create(_intermediate, now.AddDays(-1), now.AddYears(1), NewSerial());
        return new InstanceLeaf(
            certificate,
            certificate.ExportCertificatePem(),
            key.ExportPkcs8PrivateKeyPem(),
            key.ExportSubjectPublicKeyInfo(),
            KeyFingerprint.Colon(SHA256.HashData(certificate.RawData)),
#pragma warning disable CA5350 // SHA-1 certificate fingerprints are part of the OCI fed-x509 keyId form.
            KeyFingerprint.Colon(SHA1.HashData(certificate.RawData)));
#pragma warning restore CA5350
    }

    private static CertificateRequest CaRequest(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] NewSerial() => RandomNumberGenerator.GetBytes(12);
}
