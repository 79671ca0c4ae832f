using Xunit;

namespace CostSync.Tests.SecretHygiene;

/// <summary>The witness finds what it must (so a clean result means something) and does not cry wolf.</summary>
public sealed class SecretWitnessTests
{
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n";

    [Theory]
    // a key line, a token inside a key id, a signature in an exception, a JSON value as a whole word
    [InlineData(Pem, "key_file content: MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl", "keyId=\"ST$eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl\"")]
    [InlineData("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6", "System.Exception: signature=\"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6\" rejected")]
    [InlineData("{\"accessKeyId\": \"AKIA0001\", \"secretAccessKey\": \"s3cr3t-key\"}", "Run failed: S3 refused key s3cr3t-key.")]
    public void Leaks_SecretInsideProducedText_IsFoundWithWhere(string secret, string produced)
    {
        var sut = new SecretWitness();
        sut.Secret(secret, "test secret");
        sut.Saw("a log line", produced);

        var leak = Assert.Single(sut.Leaks());

        Assert.StartsWith("test secret", leak, StringComparison.Ordinal);
        Assert.Contains("in a log line", leak, StringComparison.Ordinal);
    }

    [Theory]
    // a short secret inside a longer word, a PEM's header line, a value too short to be told from prose
    [InlineData("testing", "running the testingly named probe")]
    [InlineData(Pem, "-----BEGIN PRIVATE KEY----- is what key_file must hold")]
    [InlineData("wrong", "the wrong region")]
    public void Leaks_NoSecretInText_FindsNothing(string secret, string produced)
    {
        var sut = new SecretWitness();
        sut.Secret(secret, "test secret");
        sut.Saw("a log line", produced);

        Assert.Empty(sut.Leaks());
    }
}
