using CostSync.Oci;
using CostSync.Oci.Endpoints;
using Xunit;

namespace CostSync.Tests.Oci.Endpoints;

public sealed class OciEndpointsTests
{
    [Theory]
    // realm domains from the SDKs' region tables
    [InlineData("oc1", "oraclecloud.com")]
    [InlineData("oc2", "oraclegovcloud.com")]
    [InlineData("oc3", "oraclegovcloud.com")]
    [InlineData("oc4", "oraclegovcloud.uk")]
    [InlineData("oc8", "oraclecloud8.com")]
    [InlineData("oc19", "oraclecloud.eu")]
    [InlineData("oc14", "oraclecloud14.com")]
    [InlineData("OC24", "oraclecloud24.com")]
    public void DomainOf_Realm_MatchesSdkTable(string realm, string expected)
    {
        Assert.Equal(expected, OciRealms.DomainOf(realm));
    }

    [Theory]
    // identifiers, short codes, other realms, unknown regions default to oc1
    [InlineData("us-ashburn-1", "us-ashburn-1", "oraclecloud.com")]
    [InlineData("iad", "us-ashburn-1", "oraclecloud.com")]
    [InlineData("FRA", "eu-frankfurt-1", "oraclecloud.com")]
    [InlineData("us-gov-ashburn-1", "us-gov-ashburn-1", "oraclegovcloud.com")]
    [InlineData("uk-gov-london-1", "uk-gov-london-1", "oraclegovcloud.uk")]
    [InlineData("eu-madrid-2", "eu-madrid-2", "oraclecloud.eu")]
    [InlineData("xx-newregion-1", "xx-newregion-1", "oraclecloud.com")]
    public void Parse_RegionOrShortCode_ResolvesRealm(string value, string id, string domain)
    {
        Assert.Equal(new OciRegion(id, domain), OciRegions.Parse(value));
    }

    [Theory]
    // the region in a resource OCID, when there is one
    [InlineData("ocid1.vaultsecret.oc1.phx.aaaa", "us-phoenix-1", "oraclecloud.com")]
    [InlineData("ocid1.onstopic.oc1.eu-frankfurt-1.aaaa", "eu-frankfurt-1", "oraclecloud.com")]
    [InlineData("ocid1.vault.oc4.uk-gov-london-1.aaaa", "uk-gov-london-1", "oraclegovcloud.uk")]
    [InlineData("ocid1.tenancy.oc1..aaaa", null, null)]
    [InlineData("not-an-ocid", null, null)]
    [InlineData(null, null, null)]
    public void FromOcid_ResourceId_ReadsRegionSegment(string? ocid, string? id, string? domain)
    {
        OciRegion? expected = id is null ? null : new OciRegion(id, domain!);

        Assert.Equal(expected, OciRegions.FromOcid(ocid));
    }

    [Theory]
    // default hosts and API prefixes per service
    [InlineData(nameof(OciService.ObjectStorage), "https://objectstorage.us-ashburn-1.oraclecloud.com")]
    [InlineData(nameof(OciService.Secrets), "https://secrets.vaults.us-ashburn-1.oci.oraclecloud.com/20190301")]
    [InlineData(nameof(OciService.Notifications), "https://notification.us-ashburn-1.oraclecloud.com/20181201")]
    [InlineData(nameof(OciService.Auth), "https://auth.us-ashburn-1.oraclecloud.com/v1")]
    [InlineData(nameof(OciService.TelemetryIngestion), "https://telemetry-ingestion.us-ashburn-1.oraclecloud.com/20180401")]
    public void BaseOf_DefaultHost_UsesServiceTemplate(string serviceName, string expected)
    {
        OciService service = Enum.Parse<OciService>(serviceName);
        Assert.Equal(expected, OciEndpoints.BaseOf(service, OciEndpoints.DefaultHost(service, OciRegions.Parse("iad"))));
    }

    [Theory]
    // an override is a base used as given; the API prefix is appended
    [InlineData(nameof(OciService.ObjectStorage), "http://127.0.0.1:41234/", "http://127.0.0.1:41234")]
    [InlineData(nameof(OciService.Secrets), "http://127.0.0.1:41234", "http://127.0.0.1:41234/20190301")]
    [InlineData(nameof(OciService.Notifications), "https://proxy.example/oci/", "https://proxy.example/oci/20181201")]
    [InlineData(nameof(OciService.TelemetryIngestion), "http://127.0.0.1:41234/", "http://127.0.0.1:41234/20180401")]
    public void BaseOf_Override_KeepsHostAndPath(string serviceName, string configured, string expected)
    {
        OciService service = Enum.Parse<OciService>(serviceName);
        Assert.Equal(expected, OciEndpoints.BaseOf(service, new Uri(configured)));
    }

    [Fact]
    public void DefaultHost_Oc4Region_UsesGovUkDomain()
    {
        Uri host = OciEndpoints.DefaultHost(OciService.Secrets, OciRegions.Parse("uk-gov-london-1"));

        Assert.Equal("https://secrets.vaults.uk-gov-london-1.oci.oraclegovcloud.uk/", host.AbsoluteUri);
    }

    [Fact]
    public void DefaultMetadata_IsImdsV2()
    {
        Assert.Equal("http://169.254.169.254/opc/v2/", OciEndpoints.DefaultMetadata.AbsoluteUri);
        Assert.Null(new OciEndpointOptions().Metadata);
    }
}
