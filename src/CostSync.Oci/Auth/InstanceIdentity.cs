using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using CostSync.Oci.Redaction;

namespace CostSync.Oci.Auth;

/// <summary>The instance's leaf certificate and key and the intermediate certificates, as served by instance metadata. Printed, logged and serialized redacted.</summary>
[JsonConverter(typeof(RedactedJsonConverter<InstanceIdentity>))]
internal sealed class InstanceIdentity : IDisposable, IRedacted
{
    public InstanceIdentity(X509Certificate2 certificate, RSA privateKey, IReadOnlyList<X509Certificate2> intermediates)
    {
        Certificate = certificate;
        PrivateKey = privateKey;
        Intermediates = intermediates;
    }

    public X509Certificate2 Certificate { get; }

    public RSA PrivateKey { get; }

    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    public override string ToString() => $"InstanceIdentity({Redacted.Text})";

    public void Dispose()
    {
        Certificate.Dispose();
        PrivateKey.Dispose();
        foreach (X509Certificate2 intermediate in Intermediates)
        {
            intermediate.Dispose();
        }
    }
}
