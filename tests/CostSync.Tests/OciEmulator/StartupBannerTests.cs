using CostSync.OciEmulator;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator;

public sealed class StartupBannerTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    [Fact]
    public void Text_NamesTenancyConfigFileAndEndpoints()
    {
        string text = StartupBanner.Text(fixture.Server, fixture.ConfigPath);

        Assert.Contains(fixture.Server.TenancyId, text, StringComparison.Ordinal);
        Assert.Contains($"CostSync__Oci__ConfigFile={fixture.ConfigPath}", text, StringComparison.Ordinal);
        Assert.Contains($"CostSync__Oci__Endpoints__ObjectStorage={fixture.Server.BaseUri.ToString().TrimEnd('/')}", text, StringComparison.Ordinal);
        Assert.Contains($"CostSync__Oci__Endpoints__Metadata={fixture.Server.MetadataUri.ToString().TrimEnd('/')}", text, StringComparison.Ordinal);
    }
}
