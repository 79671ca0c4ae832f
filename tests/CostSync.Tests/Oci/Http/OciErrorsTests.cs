using System.Net.Sockets;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;
using Xunit;

namespace CostSync.Tests.Oci.Http;

public sealed class OciErrorsTests
{
    private static readonly HttpRequestException NameNotResolved = new(HttpRequestError.NameResolutionError, "Name or service not known (objectstorage.us-ashburn1.oraclecloud.com:443)", new SocketException(-131073));

    [Fact]
    public void FromTransport_EndpointDerivedFromAnUnknownRegion_SaysTheRegionMayBeWrongAndNamesTheClosest()
    {
        var region = OciRegions.Parse("us-ashburn1");
        var endpoint = new OciEndpoint(OciEndpoints.BaseOf(OciService.ObjectStorage, OciEndpoints.DefaultHost(OciService.ObjectStorage, region)), OciService.ObjectStorage, null, region);
        var call = new OciCall("ListObjects", "API key profile [DEFAULT]", "bling") { Endpoint = endpoint };

        var error = OciErrors.FromTransport(NameNotResolved, call, new Uri(endpoint.BaseUrl + "/n/bling/b/t/o"));

        Assert.StartsWith("ListObjects failed: OCI Object Storage at objectstorage.us-ashburn1.oraclecloud.com did not answer (Name or service not known", error.Message, StringComparison.Ordinal);
        Assert.Contains("The endpoint is derived from the region `us-ashburn1`, which is not a known OCI region (did you mean `us-ashburn-1`?): the region may be wrong. Check `CostSync:Oci:Region`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransport_EndpointDerivedFromAKnownRegion_StillSaysTheRegionMayBeWrong()
    {
        var region = OciRegions.Parse("eu-frankfurt-1");
        var endpoint = new OciEndpoint("https://secrets.vaults.eu-frankfurt-1.oci.oraclecloud.com/20190301", OciService.Secrets, null, region);

        var error = OciErrors.FromTransport(NameNotResolved, new OciCall("GetSecretBundle", "instance principal") { Endpoint = endpoint }, new Uri(endpoint.BaseUrl + "/secretbundles/x"));

        Assert.Contains("OCI Vault (secrets) at secrets.vaults.eu-frankfurt-1.oci.oraclecloud.com did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("derived from the region `eu-frankfurt-1`: the region may be wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransport_CircuitOpenAfterManyFailedCalls_SaysTheServiceFailedNotThatItDidNotAnswer()
    {
        var region = OciRegions.Parse("eu-frankfurt-1");
        var endpoint = new OciEndpoint(OciEndpoints.BaseOf(OciService.ObjectStorage, OciEndpoints.DefaultHost(OciService.ObjectStorage, region)), OciService.ObjectStorage, null, region);

        var error = OciErrors.FromTransport(new Polly.CircuitBreaker.BrokenCircuitException(), new OciCall("GetObject", "instance principal", "bling") { Endpoint = endpoint }, new Uri(endpoint.BaseUrl + "/n/bling/b/t/o/x"));

        Assert.StartsWith("GetObject failed: OCI Object Storage at objectstorage.eu-frankfurt-1.oraclecloud.com failed at least half of the recent calls", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did not answer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("region may be wrong", error.Message, StringComparison.Ordinal);
    }
}
