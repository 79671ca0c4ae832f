using System.Security.Cryptography;
using CostSync.Oci;
using CostSync.Oci.Auth;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

public sealed class PrivateKeyLoaderTests
{
    private static readonly RSA Key = RSA.Create(2048);

    public static TheoryData<string, string?> UsableFormats() => new()
    {
        { Key.ExportRSAPrivateKeyPem(), null },
        { Key.ExportPkcs8PrivateKeyPem(), null },
        { Key.ExportEncryptedPkcs8PrivateKeyPem("s3cret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)), "s3cret" },
    };

    [Theory]
    [MemberData(nameof(UsableFormats))]
    public void Load_SupportedFormat_ImportsTheSameKey(string pem, string? passphrase)
    {
        using RSA sut = PrivateKeyLoader.Load(pem, passphrase, "test key");

        Assert.Equal(Key.ExportSubjectPublicKeyInfo(), sut.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Load_LegacyOpenSslEncryption_NamesTheConversionCommand()
    {
        const string legacy = """
            -----BEGIN RSA PRIVATE KEY-----
            Proc-Type: 4,ENCRYPTED
            DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF

            AAAA
            -----END RSA PRIVATE KEY-----
            """;

        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(legacy, "x", "/keys/old.pem"));

        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem", error.Message, StringComparison.Ordinal);
        Assert.Contains("/keys/old.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EncryptedWithoutPassphrase_AsksForPassPhrase()
    {
        string pem = Key.ExportEncryptedPkcs8PrivateKeyPem("s3cret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));

        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(pem, null, "k"));

        Assert.Contains("pass_phrase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongPassphrase_SaysSoWithoutTheValue()
    {
        string pem = Key.ExportEncryptedPkcs8PrivateKeyPem("s3cret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));

        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(pem, "wrong-phrase", "k"));

        Assert.Contains("pass_phrase", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-phrase", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> PublicKeys() => new()
    {
        { Key.ExportSubjectPublicKeyInfoPem(), "(BEGIN PUBLIC KEY)" },
        { Key.ExportRSAPublicKeyPem(), "(BEGIN RSA PUBLIC KEY)" },
        { "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host\n", "(an OpenSSH ssh-rsa line)" },
    };

    [Theory]
    [MemberData(nameof(PublicKeys))]
    public void Load_PublicKey_SaysItIsAPublicKeyAndWhereThePrivateKeyIs(string pem, string label)
    {
        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(pem, null, "/home/opc/.oci/oci_api_key_public.pem (key_file of [DEFAULT] in /home/opc/.oci/config)"));

        Assert.StartsWith($"The key file /home/opc/.oci/oci_api_key_public.pem (key_file of [DEFAULT] in /home/opc/.oci/config) is a public key {label}, not a private key.", error.Message, StringComparison.Ordinal);
        Assert.Contains("key_file must point at the private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OpenSshPrivateKey_NamesTheConversion()
    {
        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----\n", null, "k"));

        Assert.Contains("ssh-keygen -p -m PEM", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // not a key at all, or too small for OCI
    [InlineData("hello")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    public void Load_NotAnRsaKey_ExplainsExpectedFormats(string pem)
    {
        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(pem, null, "k"));

        Assert.Contains("BEGIN PRIVATE KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_1024BitKey_IsRejected()
    {
        using var small = RSA.Create(1024);

        var error = Assert.Throws<OciConfigurationException>(() => PrivateKeyLoader.Load(small.ExportPkcs8PrivateKeyPem(), null, "k"));

        Assert.Contains("2048", error.Message, StringComparison.Ordinal);
    }
}
