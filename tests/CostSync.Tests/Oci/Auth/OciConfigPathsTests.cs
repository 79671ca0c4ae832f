using CostSync.Oci.Auth;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

public sealed class OciConfigPathsTests
{
    [Theory]
    // configured path wins over the environment, which wins over ~/.oci/config
    [InlineData("/etc/costsync/oci", "/env/config", "/etc/costsync/oci")]
    [InlineData(null, "/env/config", "/env/config")]
    [InlineData("", "/env/config", "/env/config")]
    [InlineData(null, null, "/home/u/.oci/config")]
    [InlineData(null, "", "/home/u/.oci/config")]
    // ~ is expanded wherever the path came from
    [InlineData("~/my/config", null, "/home/u/my/config")]
    [InlineData(null, "~/env/config", "/home/u/env/config")]
    public void Resolve_Sources_PicksInOrder(string? configured, string? environment, string expected)
    {
        string actual = OciConfigPaths.Resolve(configured, name => name == "OCI_CONFIG_FILE" ? environment : null, "/home/u");

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("~", "/home/u")]
    [InlineData("~/.oci/key.pem", "/home/u/.oci/key.pem")]
    [InlineData("/abs/key.pem", "/abs/key.pem")]
    [InlineData("relative/key.pem", "relative/key.pem")]
    // only a leading ~ of the current user is expanded
    [InlineData("~other/key.pem", "~other/key.pem")]
    public void ExpandHome_Path_ExpandsLeadingTilde(string path, string expected)
    {
        Assert.Equal(expected, OciConfigPaths.ExpandHome(path, "/home/u"));
    }
}
