using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Oci.Endpoints;

public sealed class OciEndpointResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    // an override wins; else the resource OCID's region; else the principal's region
    [InlineData("http://127.0.0.1:41234/", "ocid1.vaultsecret.oc1.phx.x", "http://127.0.0.1:41234/20190301")]
    [InlineData(null, "ocid1.vaultsecret.oc1.phx.x", "https://secrets.vaults.us-phoenix-1.oci.oraclecloud.com/20190301")]
    [InlineData(null, "ocid1.vaultsecret.oc1.iad.x", "https://secrets.vaults.us-ashburn-1.oci.oraclecloud.com/20190301")]
    [InlineData(null, null, "https://secrets.vaults.eu-frankfurt-1.oci.oraclecloud.com/20190301")]
    public async Task GetBase_Secrets_PicksOverrideThenResourceRegionThenPrincipal(string? configured, string? ocid, string expected)
    {
        var options = new OciOptions { Endpoints = { Secrets = configured is null ? null : new Uri(configured) } };
        var sut = new OciEndpointResolver(Options.Create(options), new RegionOnlyAuth(new OciRegion("eu-frankfurt-1", "oraclecloud.com")));

        Assert.Equal(expected, await sut.GetBaseAsync(OciService.Secrets, ocid, Ct));
    }

    [Fact]
    public async Task GetBase_ObjectStorage_UsesPrincipalRegion()
    {
        var sut = new OciEndpointResolver(Options.Create(new OciOptions()), new RegionOnlyAuth(new OciRegion("uk-gov-london-1", "oraclegovcloud.uk")));

        Assert.Equal("https://objectstorage.uk-gov-london-1.oraclegovcloud.uk", await sut.GetBaseAsync(OciService.ObjectStorage, null, Ct));
    }

    private sealed class RegionOnlyAuth(OciRegion region) : IOciAuthProvider
    {
        public string Description => "region only";

        public bool CanRefresh => false;

        public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(region);

        public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
