using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CostSync.Oci.Auth;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

public sealed class InstanceCertificatesTests
{
    [Theory]
    // OU attributes as OCI issues them; a comma inside a value must not confuse the parser
    [InlineData("CN=ocid1.instance.oc1.iad.x, OU=opc-certtype:instance, OU=opc-compartment:ocid1.compartment.oc1..c, OU=opc-tenant:ocid1.tenancy.oc1..t", "ocid1.tenancy.oc1..t")]
    [InlineData("CN=x, OU=\"a,b\", OU=opc-tenant:ocid1.tenancy.oc1..t2", "ocid1.tenancy.oc1..t2")]
    [InlineData("CN=x, OU=opc-identity:ocid1.tenancy.oc1..id", "ocid1.tenancy.oc1..id")]
    [InlineData("CN=x, OU=opc-certtype:instance", null)]
    public void TenancyOf_Subject_ReadsOpcTenant(string subject, string? expected)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));

        Assert.Equal(expected, InstanceCertificates.TenancyOf(certificate));
    }
}
