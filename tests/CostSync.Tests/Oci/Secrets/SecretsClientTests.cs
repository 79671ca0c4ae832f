using System.Net;
using CostSync.Oci;
using CostSync.Oci.Secrets;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Oci.Secrets;

public sealed class SecretsClientTests : IAsyncLifetime
{
    private const string SecretId = "ocid1.vaultsecret.oc1.iad.awskeys";
    private const string VaultId = "ocid1.vault.oc1.iad.costsync";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-secrets-");
    private readonly OciWireLog _wire = new();
    private OciEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _emulator.Secrets.Set(SecretId, "old", VaultId, "aws-keys");
        _emulator.Secrets.Set(SecretId, """{"accessKeyId":"AKIA","secretAccessKey":"s3cr3t/ü"}""");
        _services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, _directory.FullName, wire: _wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task GetSecretBundle_ById_DecodesCurrentVersion()
    {
        SecretBundle bundle = await CreateSut().GetSecretBundleAsync(new GetSecretBundleRequest(SecretId), Ct);

        Assert.Equal((SecretId, 2L), (bundle.SecretId, bundle.VersionNumber));
        Assert.Equal("""{"accessKeyId":"AKIA","secretAccessKey":"s3cr3t/ü"}""", bundle.Content.Reveal());
        Assert.DoesNotContain("s3cr3t", bundle.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretBundleByName_VaultAndName_IsASignedEmptyPost()
    {
        SecretBundle bundle = await CreateSut().GetSecretBundleByNameAsync(new GetSecretBundleByNameRequest(VaultId, "aws-keys"), Ct);

        Assert.Equal(2, bundle.VersionNumber);
        Assert.StartsWith("{\"accessKeyId\"", bundle.Content.Reveal(), StringComparison.Ordinal);
        OciWireEntry sent = Assert.Single(_wire.Entries);
        Assert.Equal(("POST", "/20190301/secretbundles/actions/getByName"), (sent.Method, sent.Path));
    }

    [Fact]
    public async Task GetSecretBundle_Unknown_Throws404()
    {
        var error = await Assert.ThrowsAsync<OciServiceException>(() => CreateSut().GetSecretBundleAsync(new GetSecretBundleRequest("ocid1.vaultsecret.oc1.iad.none"), Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private ISecretsClient CreateSut() => _services.GetRequiredService<ISecretsClient>();
}
