using CostSync.Configuration;
using CostSync.Credentials;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Host.Credentials;

public sealed class VaultCredentialsReaderTests
{
    private const string AccessId = "ocid1.vaultsecret.oc1.iad.access";
    private const string SecretId = "ocid1.vaultsecret.oc1.iad.secret";
    private const string JsonId = "ocid1.vaultsecret.oc1.iad.json";
    private readonly FakeSecretsClient _secrets = new();

    [Theory]
    // trailing newline, CRLF, spaces and tabs around the value
    [InlineData("AKIAEXAMPLE\n", "wJalrXUtnFEMI/K7MDENG\n")]
    [InlineData("AKIAEXAMPLE\r\n", "wJalrXUtnFEMI/K7MDENG\r\n")]
    [InlineData("  AKIAEXAMPLE ", "\twJalrXUtnFEMI/K7MDENG  ")]
    public async Task ReadAsync_SurroundingWhitespace_IsTrimmed(string access, string secret)
    {
        _secrets.Set(AccessId, access).Set(SecretId, secret);

        var keys = await CreateSut(twoSecrets: true).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal("AKIAEXAMPLE", keys.AccessKeyId.Reveal());
        Assert.Equal("wJalrXUtnFEMI/K7MDENG", keys.SecretAccessKey.Reveal());
        Assert.Null(keys.SessionToken);
    }

    [Fact]
    public async Task ReadAsync_InnerWhitespace_IsRejectedWithoutTheValue()
    {
        _secrets.Set(AccessId, "AKIAEXAMPLE").Set(SecretId, "wJalrXUt nFEMI");

        var ex = await Assert.ThrowsAsync<CredentialsException>(() => CreateSut(twoSecrets: true).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Contains(SecretId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("whitespace inside the value", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_JsonSecret_ReadsAllThreeFields()
    {
        _secrets.Set(JsonId, "{ \"accessKeyId\": \"ASIAEXAMPLE\", \"secretAccessKey\": \"s3cr3t\\n\", \"sessionToken\": \"tok\" }\n");

        var keys = await CreateSut(twoSecrets: false).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ASIAEXAMPLE", keys.AccessKeyId.Reveal());
        Assert.Equal("s3cr3t", keys.SecretAccessKey.Reveal());
        Assert.Equal("tok", keys.SessionToken?.Reveal());
    }

    [Theory]
    [InlineData("AKIA s3cr3t-not-json", "is not valid JSON")]
    [InlineData("{ \"accessKeyId\": \"AKIA\" }", "has no `secretAccessKey` field")]
    [InlineData("[1, 2]", "is not a JSON object")]
    public async Task ReadAsync_MalformedJsonSecret_ExplainsWithoutTheValue(string content, string message)
    {
        _secrets.Set(JsonId, content);

        var ex = await Assert.ThrowsAsync<CredentialsException>(() => CreateSut(twoSecrets: false).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SecretRotatedBetweenRuns_ReturnsTheNewKeys()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = CreateSut(twoSecrets: true);
        _secrets.Set(AccessId, "AKIAOLD").Set(SecretId, "old");
        var first = await sut.ReadAsync(ct);

        _secrets.Set(AccessId, "AKIANEW").Set(SecretId, "new");
        var second = await sut.ReadAsync(ct);

        Assert.Equal("AKIAOLD", first.AccessKeyId.Reveal());
        Assert.Equal("AKIANEW", second.AccessKeyId.Reveal());
        Assert.Equal(4, _secrets.Reads);
    }

    [Fact]
    public async Task ReadAsync_MissingSecret_NamesItAndThePolicy()
    {
        var ex = await Assert.ThrowsAsync<CredentialsException>(() => CreateSut(twoSecrets: true).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Contains(AccessId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("read secret-bundles", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // the access key id still the placeholder; only the secret key still the placeholder (one set, one forgotten)
    [InlineData(VaultPlaceholder.Value, "s3cr3tKey", AccessId, "AWS access key id")]
    [InlineData("AKIAEXAMPLE", VaultPlaceholder.Value + "\n", SecretId, "AWS secret access key")]
    public async Task ReadAsync_SecretStillThePlaceholder_SaysKeysNotSetAndTheCommand(string access, string secret, string placeholderId, string what)
    {
        _secrets.Set(AccessId, access).Set(SecretId, secret);

        var ex = await Assert.ThrowsAsync<CredentialsException>(() => CreateSut(twoSecrets: true).ReadAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.KeysNotSet);
        Assert.StartsWith("The AWS keys have not been set yet", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"`{placeholderId}` ({what})", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"oci vault secret update-base64 --secret-id {placeholderId} --secret-content-content", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3tKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_JsonSecretStillThePlaceholder_SaysKeysNotSet()
    {
        _secrets.Set(JsonId, VaultPlaceholder.Value);

        var ex = await Assert.ThrowsAsync<CredentialsException>(() => CreateSut(twoSecrets: false).ReadAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.KeysNotSet);
        Assert.Contains($"--secret-id {JsonId}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKeyPair_ToString_IsRedacted()
    {
        var keys = new AwsKeyPair(new("AKIAEXAMPLE"), new("s3cr3t"), null);

        Assert.DoesNotContain("AKIAEXAMPLE", keys.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", keys.ToString(), StringComparison.Ordinal);
    }

    private VaultCredentialsReader CreateSut(bool twoSecrets) =>
        new(_secrets, Options.Create(twoSecrets
            ? new CredentialsOptions { AccessKeySecretId = AccessId, SecretKeySecretId = SecretId }
            : new CredentialsOptions { SecretId = JsonId }));
}
