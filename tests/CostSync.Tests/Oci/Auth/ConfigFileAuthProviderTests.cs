using System.Net;
using System.Security.Cryptography;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.ObjectStorage;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

/// <summary>API-key and session-token profiles end to end against the emulator.</summary>
public sealed class ConfigFileAuthProviderTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-cfg-");
    private OciEmulatorServer _emulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _emulator.Objects.Put("reports/cost-csv/a.csv.gz", [1]);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Theory]
    // the key id shows which principal signed; the emulator accepts only the matching key
    [InlineData(OciAuthMode.ApiKey, "ocid1.tenancy.")]
    [InlineData(OciAuthMode.SecurityToken, "ST$")]
    public async Task ListObjects_Profile_IsAcceptedAsThatPrincipal(OciAuthMode mode, string keyIdStart)
    {
        await using ServiceProvider services = OciClientServices.Create(_emulator, mode, _directory.FullName);
        IOciAuthProvider sut = services.GetRequiredService<IOciAuthProvider>();

        int count = await services.GetRequiredService<IObjectStorageClient>().ListObjectsAsync(new ListObjectsRequest("bling", await sut.GetTenancyIdAsync(Ct)), Ct).CountAsync(Ct);

        Assert.Equal(1, count);
        Assert.Equal(_emulator.TenancyId, await sut.GetTenancyIdAsync(Ct));
        Assert.Equal("us-ashburn-1", (await sut.GetRegionAsync(Ct)).Id);
        Assert.StartsWith(keyIdStart, (await sut.GetSigningKeyAsync(Ct)).KeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListObjects_SessionTokenExpired_RereadsTokenFileOnceThenExplains()
    {
        var wire = new OciWireLog();
        await using ServiceProvider services = OciClientServices.Create(_emulator, OciAuthMode.SecurityToken, _directory.FullName, wire: wire);
        IObjectStorageClient sut = services.GetRequiredService<IObjectStorageClient>();
        _emulator.Faults.ExpireAllTokens();

        var error = await Assert.ThrowsAsync<OciServiceException>(async () =>
            await sut.ListObjectsAsync(new ListObjectsRequest("bling", _emulator.TenancyId), Ct).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("session token profile [DEFAULT]", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, wire.Count(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ListObjects_EncryptedPkcs8KeyWithPassPhrase_IsAccepted()
    {
        string directory = Path.Combine(_directory.FullName, "encrypted");
        await using ServiceProvider services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, directory);
        string keyFile = Directory.GetFiles(directory, "*.pem").Single();
        using (var key = RSA.Create())
        {
            key.ImportFromPem(File.ReadAllText(keyFile));
            File.WriteAllText(keyFile, key.ExportEncryptedPkcs8PrivateKeyPem("pass=word", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        }

        File.AppendAllText(Path.Combine(directory, "config"), "pass_phrase = pass=word\n");

        int count = await services.GetRequiredService<IObjectStorageClient>().ListObjectsAsync(new ListObjectsRequest("bling", _emulator.TenancyId), Ct).CountAsync(Ct);

        Assert.Equal(1, count);
    }

    [Fact]
    public void ApiKey_FingerprintOfAnotherKey_WarnsNamingFileProfileAndBothFingerprints()
    {
        using var key = RSA.Create(2048);
        string keyFile = Path.Combine(_directory.FullName, "k.pem");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        OciConfigProfile profile = OciConfigFile.Parse("/cfg", $"[DEFAULT]\nuser=u\ntenancy=t\nfingerprint=00:11\nkey_file={keyFile}\n").GetProfile(null);
        var logger = new FakeLogger();

        _ = new ApiKeyAuthProvider(profile, new OciOptions(), logger);

        string warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1004).Message;
        Assert.Contains("00:11", warning, StringComparison.Ordinal);
        Assert.Contains(KeyFingerprint.Of(key), warning, StringComparison.Ordinal);
        Assert.Contains("/cfg", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ProfileWithoutKeyFile_NamesFileProfileAndKey()
    {
        string config = Path.Combine(_directory.FullName, "config");
        File.WriteAllText(config, "[DEFAULT]\ntenancy=t\n[PROD]\nuser=u\nfingerprint=aa\n");
        var services = new ServiceCollection();
        services.Configure<OciOptions>(o => (o.Auth, o.ConfigFile, o.Profile) = (OciAuthMode.ApiKey, config, "PROD"));
        services.AddOciClients();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OciConfigurationException>(provider.GetRequiredService<IOciAuthProvider>);

        Assert.Contains(config, error.Message, StringComparison.Ordinal);
        Assert.Contains("[PROD]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'key_file'", error.Message, StringComparison.Ordinal);
    }
}
