using CostSync.Oci.Endpoints;
using Xunit;

namespace CostSync.Tests.Oci.Endpoints;

public sealed class OciRegionsTests
{
    [Theory]
    // identifiers and short codes of the official SDK's table, any case
    [InlineData("us-ashburn-1")]
    [InlineData("IAD")]
    [InlineData("us-saltlake-2")]
    [InlineData("me-dcc-muscat-1")]
    [InlineData("sa-riodejaneiro-1")]
    public void IsKnown_RegionOfTheSdkTable_IsTrue(string region) => Assert.True(OciRegions.IsKnown(region));

    [Theory]
    // a missing dash, a swapped pair of letters, a wrong digit
    [InlineData("us-ashburn1", "us-ashburn-1")]
    [InlineData("eu-frnakfurt-1", "eu-frankfurt-1")]
    [InlineData("ap-tokyo-2", "ap-tokyo-1")]
    public void Closest_MistypedRegion_IsTheIntendedOne(string typed, string expected)
    {
        Assert.False(OciRegions.IsKnown(typed));
        Assert.Equal(expected, OciRegions.Closest(typed));
    }

    [Theory]
    // realms outside oc1 come from the table, not from the name
    [InlineData("me-dcc-muscat-1", "oraclecloud9.com")]
    [InlineData("ap-dcc-gazipur-1", "oraclecloud15.com")]
    [InlineData("mct", "oraclecloud9.com")]
    public void Parse_RegionOutsideTheCommercialRealm_UsesItsRealmDomain(string region, string domain) =>
        Assert.Equal(domain, OciRegions.Parse(region).RealmDomain);
}
