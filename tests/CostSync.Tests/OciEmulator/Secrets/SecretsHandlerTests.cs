using System.Net;
using System.Text;
using System.Text.Json;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Secrets;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Secrets;

public sealed class SecretsHandlerTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSecretBundle_ById_ReturnsBase64ContentOfTheCurrentVersion()
    {
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.byid", "first");
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.byid", "AKIA/secret+key==");

        using JsonDocument bundle = await GetAsync(HttpMethod.Get, "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.byid");

        JsonElement root = bundle.RootElement;
        Assert.Equal("ocid1.vaultsecret.oc1.iad.byid", root.GetProperty("secretId").GetString());
        Assert.Equal(2, root.GetProperty("versionNumber").GetInt32());
        Assert.Equal(["CURRENT", "LATEST"], root.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("BASE64", root.GetProperty("secretBundleContent").GetProperty("contentType").GetString());
        Assert.Equal("AKIA/secret+key==", Encoding.UTF8.GetString(Convert.FromBase64String(root.GetProperty("secretBundleContent").GetProperty("content").GetString()!)));
    }

    [Fact]
    public async Task GetSecretBundle_WithVersionNumber_ReturnsThatVersion()
    {
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.versions", "v1");
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.versions", "v2");

        using JsonDocument bundle = await GetAsync(HttpMethod.Get, "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.versions?versionNumber=1");

        Assert.Equal(1, bundle.RootElement.GetProperty("versionNumber").GetInt32());
        Assert.Equal("v1", Encoding.UTF8.GetString(Convert.FromBase64String(bundle.RootElement.GetProperty("secretBundleContent").GetProperty("content").GetString()!)));
    }

    [Fact]
    public async Task GetSecretBundle_WithStagePrevious_ReturnsTheVersionBeforeCurrent()
    {
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.stages", "old");
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.stages", "new");

        using JsonDocument bundle = await GetAsync(HttpMethod.Get, "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.stages?stage=PREVIOUS");
        using HttpResponseMessage pending = await fixture.Client.SendAsync(HttpMethod.Get, "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.stages?stage=PENDING", Ct);

        Assert.Equal(1, bundle.RootElement.GetProperty("versionNumber").GetInt32());
        Assert.Equal(["PREVIOUS"], bundle.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
    }

    [Fact]
    public async Task GetSecretBundleByName_SignedAsEmptyPost_ReturnsTheSecret()
    {
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.byname", "value", vaultId: "ocid1.vault.oc1.iad.v1", name: "aws-keys");
        int before = fixture.Server.Requests.Count(Operations.GetSecretBundleByName); // the emulator is shared by this class's tests

        using JsonDocument bundle = await GetAsync(HttpMethod.Post, "20190301/secretbundles/actions/getByName?secretName=aws-keys&vaultId=ocid1.vault.oc1.iad.v1");

        Assert.Equal("ocid1.vaultsecret.oc1.iad.byname", bundle.RootElement.GetProperty("secretId").GetString());
        Assert.Equal(before + 1, fixture.Server.Requests.Count(Operations.GetSecretBundleByName));
    }

    [Theory]
    [InlineData("GET", "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.missing")]
    [InlineData("POST", "20190301/secretbundles/actions/getByName?secretName=nope&vaultId=ocid1.vault.oc1.iad.v1")]
    public async Task GetSecretBundle_Missing_Returns404NotAuthorizedOrNotFound(string method, string path)
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(new HttpMethod(method), path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NotAuthorizedOrNotFound", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretBundle_AfterRemove_Returns404()
    {
        fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.removed", "gone");
        Assert.True(fixture.Server.Secrets.Remove("ocid1.vaultsecret.oc1.iad.removed"));

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, "20190301/secretbundles/ocid1.vaultsecret.oc1.iad.removed", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EmulatorSecrets.DefaultVaultId, fixture.Server.Secrets.Set("ocid1.vaultsecret.oc1.iad.other", "x").VaultId);
    }

    [Fact]
    public async Task GetSecretBundle_OnReadRotatesTheSecret_NextReadServesTheNewVersion()
    {
        const string id = "ocid1.vaultsecret.oc1.iad.rotatedonread";
        fixture.Server.Secrets.Set(id, "old");
        var served = new List<int>();
        fixture.Server.Secrets.OnRead = v =>
        {
            if (v.SecretId != id)
            {
                return;
            }

            served.Add(v.VersionNumber);
            if (v.VersionNumber == 1)
            {
                fixture.Server.Secrets.Set(id, "new");
            }
        };

        try
        {
            using JsonDocument first = await GetAsync(HttpMethod.Get, $"20190301/secretbundles/{id}");
            using JsonDocument second = await GetAsync(HttpMethod.Get, $"20190301/secretbundles/{id}");

            Assert.Equal("old", Encoding.UTF8.GetString(Convert.FromBase64String(first.RootElement.GetProperty("secretBundleContent").GetProperty("content").GetString()!)));
            Assert.Equal("new", Encoding.UTF8.GetString(Convert.FromBase64String(second.RootElement.GetProperty("secretBundleContent").GetProperty("content").GetString()!)));
            Assert.Equal([1, 2], served);
        }
        finally
        {
            fixture.Server.Secrets.OnRead = null;
        }
    }

    private async Task<JsonDocument> GetAsync(HttpMethod method, string path)
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(method, path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}
