using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// AWS keys in Vault as operators get them wrong: the run fails before anything is written, the log and the alert name the
/// secret, what is wrong and the command that fixes it, never the value, and the archive (objects and ledger) stays as it was.
/// The placeholder deploy/tofu stores is covered by <see cref="VaultPlaceholderEndToEndTests"/>.
/// </summary>
public sealed class VaultSecretBadInputTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string AccessKeySecretId = "ocid1.vaultsecret.oc1.iad.badinputaccesskey";
    private const string SecretKeySecretId = "ocid1.vaultsecret.oc1.iad.badinputsecretkey";

    // Distinctive values, so a leak into a log line, an alert or the output is unmistakable.
    private const string LeakMarker = "Zq7LeakMarker";
    private BadInputScenario _scenario = null!;
    private SortedDictionary<string, string> _archive = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _scenario = await BadInputScenario.ToSwiftAsync(swift, Ct);
        _archive = await _scenario.ArchiveOnceAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    // two secrets, one key each (as deploy/tofu creates them): the access key id is wrong, the secret key right
    [InlineData("secret-empty", "", "is empty. Store the AWS access key id in it")]
    [InlineData("secret-whitespace-only", " \n\t ", "is empty (only whitespace). Store the AWS access key id in it")]
    [InlineData("secret-inner-spaces", "AKIA " + LeakMarker, "contains whitespace inside the value")]
    public async Task Once_KeySecretMalformed_FailsBeforeAnyWriteNamingTheSecretAndTheCommand(string @case, string accessKeyId, string expected)
    {
        Assert.NotEmpty(@case);
        UseTwoSecrets();
        _scenario.Emulator.Secrets.Set(AccessKeySecretId, accessKeyId);

        await AssertFailsCleanlyAsync(AccessKeySecretId, expected, $"oci vault secret update-base64 --secret-id {AccessKeySecretId}");
    }

    [Fact]
    public async Task Once_KeyStoredWithoutBase64Encoding_SaysSoInsteadOfAnS3SignatureError()
    {
        // `oci vault secret update-base64 --secret-content-content AKIA…` without `| base64`: an AWS key is valid base64, so
        // Vault keeps it and later serves it as base64, which decodes to bytes that are not the key.
        UseTwoSecrets();
        _scenario.Emulator.Secrets.SetServedContent(AccessKeySecretId, "AKIAIOSFODNN7" + "EXAMPLE");

        await AssertFailsCleanlyAsync(AccessKeySecretId, "is not text once base64-decoded: it was probably stored without base64-encoding it", "base64 -w0");
    }

    [Fact]
    public async Task Once_SecretContentNotBase64_SaysVaultAnsweredUndecodableContentAndTheCommand()
    {
        UseTwoSecrets();
        _scenario.Emulator.Secrets.SetServedContent(AccessKeySecretId, "not base64 " + LeakMarker + "!");

        await AssertFailsCleanlyAsync(AccessKeySecretId, "answered with secret content that is not valid base64", $"Store the value again: read -rs KEY && oci vault secret update-base64 --secret-id {AccessKeySecretId}");
    }

    [Theory]
    // one JSON secret (Destination:Credentials:SecretId)
    [InlineData("json-not-json", "AKIAEXAMPLE " + LeakMarker, "is not valid JSON. Store { ")]
    [InlineData("json-missing-secret-access-key", "{\"accessKeyId\": \"AKIA" + LeakMarker + "\"}", "has no `secretAccessKey` field. Store { ")]
    [InlineData("json-missing-access-key-id", "{\"secretAccessKey\": \"" + LeakMarker + "\"}", "has no `accessKeyId` field. Store { ")]
    [InlineData("json-field-not-a-string", "{\"accessKeyId\": 12345, \"secretAccessKey\": \"" + LeakMarker + "\"}", "`accessKeyId` is not a string. Store { ")]
    [InlineData("json-inner-spaces", "{\"accessKeyId\": \"AKIAEXAMPLE\", \"secretAccessKey\": \"wJalr " + LeakMarker + "\"}", "(secretAccessKey, 19 characters) contains whitespace inside the value")]
    public async Task Once_JsonSecretMalformed_FailsBeforeAnyWriteNamingTheSecretAndTheShape(string @case, string content, string expected)
    {
        Assert.NotEmpty(@case);
        _scenario.Emulator.Secrets.Set(CliHarness.SecretId, content);

        await AssertFailsCleanlyAsync(CliHarness.SecretId, expected, "Store ");
    }

    private void UseTwoSecrets()
    {
        _scenario.Cli.Settings.Remove("CostSync:Destination:Credentials:SecretId");
        _scenario.Cli.Settings["CostSync:Destination:Credentials:AccessKeySecretId"] = AccessKeySecretId;
        _scenario.Cli.Settings["CostSync:Destination:Credentials:SecretKeySecretId"] = SecretKeySecretId;
        _scenario.Emulator.Secrets.Set(SecretKeySecretId, SwiftS3Fixture.SecretKey);
    }

    private async Task AssertFailsCleanlyAsync(string secretId, string expected, string fix)
    {
        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, _scenario.Describe(result));
        var failed = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Name == "RunFailed").Message;
        Assert.Contains($"`{secretId}`", failed, StringComparison.Ordinal);
        Assert.Contains(expected, failed, StringComparison.Ordinal);
        Assert.Contains(fix, failed, StringComparison.Ordinal);
        var alert = Assert.Single(_scenario.NewAlerts);
        Assert.Contains(expected, alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(LeakMarker, _scenario.Describe(result), StringComparison.Ordinal);
        Assert.DoesNotContain(LeakMarker, alert.Body, StringComparison.Ordinal);
        Assert.Equal(_archive, await _scenario.SnapshotAsync(Ct));
    }
}
