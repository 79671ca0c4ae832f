using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CostSync.Oci.Auth;

/// <summary>The instance's leaf certificate and key and the intermediate certificates, as served by instance metadata.</summary>
internal sealed class InstanceIdentity : IDisposable
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
