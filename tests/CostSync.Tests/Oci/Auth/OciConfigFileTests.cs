using CostSync.Oci;
using CostSync.Oci.Auth;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

public sealed class OciConfigFileTests
{
    private const string Sample = """
        # a comment
        ; another comment
        [DEFAULT]
        user = ocid1.user.oc1..default
        tenancy=ocid1.tenancy.oc1..t
        region = us-ashburn-1
        key_file = ~/.oci/key.pem

        [ADMIN]
          user = ocid1.user.oc1..admin
        fingerprint = aa:bb
        pass_phrase = a=b=c
        region =
        """;

    [Theory]
    // the named profile wins, [DEFAULT] fills the gaps
    [InlineData("ADMIN", "user", "ocid1.user.oc1..admin")]
    [InlineData("ADMIN", "tenancy", "ocid1.tenancy.oc1..t")]
    [InlineData("ADMIN", "fingerprint", "aa:bb")]
    // an empty value falls back too
    [InlineData("ADMIN", "region", "us-ashburn-1")]
    // split on the first '=' only
    [InlineData("ADMIN", "pass_phrase", "a=b=c")]
    // keys are case-insensitive, values are kept as written
    [InlineData("ADMIN", "USER", "ocid1.user.oc1..admin")]
    [InlineData("DEFAULT", "user", "ocid1.user.oc1..default")]
    [InlineData(null, "key_file", "~/.oci/key.pem")]
    // missing everywhere
    [InlineData("DEFAULT", "fingerprint", null)]
    [InlineData("ADMIN", "security_token_file", null)]
    public void Get_ProfileAndKey_FallsBackToDefault(string? profile, string key, string? expected)
    {
        OciConfigProfile sut = OciConfigFile.Parse("/cfg", Sample).GetProfile(profile);

        Assert.Equal(expected, sut.Get(key));
    }

    [Fact]
    public void Require_MissingKey_NamesFileProfileAndKey()
    {
        OciConfigProfile sut = OciConfigFile.Parse("/home/u/.oci/config", Sample).GetProfile("ADMIN");

        var error = Assert.Throws<OciConfigurationException>(() => sut.Require("security_token_file", "path to the token"));

        Assert.Contains("/home/u/.oci/config", error.Message, StringComparison.Ordinal);
        Assert.Contains("[ADMIN]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'security_token_file'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProfile_UnknownProfile_ListsTheProfilesFound()
    {
        var error = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Parse("/cfg", Sample).GetProfile("PROD"));

        Assert.Contains("[PROD]", error.Message, StringComparison.Ordinal);
        Assert.Contains("DEFAULT, ADMIN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProfile_NamedProfileWithoutDefaultSection_Works()
    {
        OciConfigProfile sut = OciConfigFile.Parse("/cfg", "[ONLY]\nuser=u\n").GetProfile("ONLY");

        Assert.Equal("u", sut.Get("user"));
        Assert.Null(sut.Get("tenancy"));
    }

    [Theory]
    // malformed lines are reported with their line number
    [InlineData("[DEFAULT]\njust words\n", "line 2")]
    [InlineData("user=x\n[DEFAULT]\n", "line 1")]
    [InlineData("[DEFAULT]\n=value\n", "line 2")]
    public void Parse_MalformedLine_NamesFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Parse("/cfg", text));

        Assert.Contains("/cfg " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToCreateOrPointAtIt()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "config");

        var error = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("OCI_CONFIG_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CrLfLineEndings_AreAccepted()
    {
        OciConfigProfile sut = OciConfigFile.Parse("/cfg", "[DEFAULT]\r\nuser = u\r\n").GetProfile(null);

        Assert.Equal("u", sut.Get("user"));
    }
}
