using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.Secrets;
using Xunit;

namespace CostSync.Tests.Oci;

public sealed class SecretValueTests
{
    [Fact]
    public void ToString_AnySecret_IsRedacted()
    {
        var sut = new SecretValue("AKIA-very-secret");

        Assert.Equal("***", sut.ToString());
        Assert.Equal("***", $"{sut}");
        Assert.Equal("AKIA-very-secret", sut.Reveal());
    }

    [Fact]
    public void SecretBundle_ToString_DoesNotRevealContent()
    {
        var sut = new SecretBundle("ocid1.vaultsecret.oc1.iad.x", 3, new SecretValue("AKIA-very-secret"));

        Assert.DoesNotContain("AKIA", sut.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OciSigningKey_ToString_DoesNotRevealTheToken()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var sut = new OciSigningKey("ST$eyJhbGciOi.secret-token", key);

        Assert.DoesNotContain("secret-token", sut.ToString(), StringComparison.Ordinal);
    }
}
