using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Identity;

public sealed class MetadataTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metadata_WithoutBearerOracle_Returns401()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(fixture.Client.Create(HttpMethod.Get, "opc/v2/instance/region"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer Oracle", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_Region_ReturnsShortCodeCanonicalNameAndRegionInfo()
    {
        Assert.Equal("iad", await TestFederation.GetMetadataAsync(fixture.Client, "instance/region", Ct));
        Assert.Equal("us-ashburn-1", await TestFederation.GetMetadataAsync(fixture.Client, "instance/canonicalRegionName", Ct));
        using JsonDocument info = JsonDocument.Parse(await TestFederation.GetMetadataAsync(fixture.Client, "instance/regionInfo", Ct));
        Assert.Equal("oc1", info.RootElement.GetProperty("realmKey").GetString());
        Assert.Equal("oraclecloud.com", info.RootElement.GetProperty("realmDomainComponent").GetString());
        Assert.Equal("IAD", info.RootElement.GetProperty("regionKey").GetString());
        Assert.Equal("us-ashburn-1", info.RootElement.GetProperty("regionIdentifier").GetString());
    }

    [Fact]
    public async Task Metadata_Certificates_ChainLeafToIntermediateWithTenantInSubject()
    {
        using X509Certificate2 leaf = X509Certificate2.CreateFromPem(await TestFederation.GetMetadataAsync(fixture.Client, "identity/cert.pem", Ct));
        using X509Certificate2 intermediate = X509Certificate2.CreateFromPem(await TestFederation.GetMetadataAsync(fixture.Client, "identity/intermediate.pem", Ct));
        string instanceId = await TestFederation.GetMetadataAsync(fixture.Client, "instance/id", Ct);

        string[] rdns = leaf.SubjectName.EnumerateRelativeDistinguishedNames().Select(r => r.GetSingleElementValue()!).ToArray();
        Assert.Contains($"opc-tenant:{fixture.Server.TenancyId}", rdns);
        Assert.Contains("opc-certtype:instance", rdns);
        Assert.Contains(rdns, r => r.StartsWith("opc-compartment:ocid1.compartment.oc1..", StringComparison.Ordinal));
        Assert.Contains(instanceId, rdns);
        Assert.StartsWith("ocid1.instance.oc1.iad.", instanceId, StringComparison.Ordinal);
        Assert.Equal(intermediate.SubjectName.RawData, leaf.IssuerName.RawData);
        Assert.Contains("BEGIN PRIVATE KEY", await TestFederation.GetMetadataAsync(fixture.Client, "identity/key.pem", Ct), StringComparison.Ordinal);
    }
}
