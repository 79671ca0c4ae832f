using CostSync.Credentials;
using CostSync.OciEmulator;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// Right after <c>tofu apply</c> both AWS-key secrets hold deploy/tofu's placeholder: <c>doctor</c> and every run say the keys
/// have not been set yet and name the command that sets them, instead of failing later with a generic S3 403.
/// </summary>
public sealed class VaultPlaceholderEndToEndTests : IAsyncLifetime
{
    private const string AccessKeySecretId = "ocid1.vaultsecret.oc1.iad.e2eaccesskey";
    private const string SecretKeySecretId = "ocid1.vaultsecret.oc1.iad.e2esecretkey";
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);
        _cli.Settings.Remove("CostSync:Destination:Credentials:SecretId");
        _cli.Settings["CostSync:Destination:Credentials:AccessKeySecretId"] = AccessKeySecretId;
        _cli.Settings["CostSync:Destination:Credentials:SecretKeySecretId"] = SecretKeySecretId;
        _cli.Settings["CostSync:Destination:Kind"] = "S3";
        _cli.Settings["CostSync:Destination:Bucket"] = "costsync-never-reached";
        _cli.Settings["CostSync:Destination:ServiceUrl"] = "http://127.0.0.1:1/";
        _cli.Settings["CostSync:Destination:ForcePathStyle"] = "true";
        // exactly what deploy/tofu stores: BASE64 content of the placeholder
        _cli.Emulator.Secrets.Set(AccessKeySecretId, VaultPlaceholder.Value);
        _cli.Emulator.Secrets.Set(SecretKeySecretId, VaultPlaceholder.Value);
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Doctor_SecretsHoldThePlaceholder_FailsSayingKeysNotSetAndTheCommand()
    {
        var result = await _cli.RunAsync(["doctor"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Output.Split('\n'), l => l.Contains("AWS credentials", StringComparison.Ordinal));
        Assert.Contains("FAIL", line, StringComparison.Ordinal);
        Assert.Contains("The AWS keys have not been set yet", line, StringComparison.Ordinal);
        Assert.Contains($"oci vault secret update-base64 --secret-id {AccessKeySecretId}", line, StringComparison.Ordinal);
        Assert.Contains("tofu output set_aws_keys", result.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<![0-9A-Za-z])403(?![0-9A-Za-z])", result.Output); // a status, not hex inside a bucket name or run id
        Assert.DoesNotContain("destination write", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_SecretsHoldThePlaceholder_FailsAndAlertsSayingKeysNotSet()
    {
        var result = await _cli.RunAsync(["--once"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(_cli.Logs.GetSnapshot(), r => r.Message.Contains("The AWS keys have not been set yet", StringComparison.Ordinal));
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.Contains("The AWS keys have not been set yet", alert.Body, StringComparison.Ordinal);
        Assert.Contains($"--secret-id {AccessKeySecretId}", alert.Body, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Emulator.Requests.Count(Operations.GetSecretBundle));
    }
}
