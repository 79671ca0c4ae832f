using CostSync.Configuration;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CostSync.Tests.Host.Configuration;

public sealed class UnknownKeyCheckerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    // a typo one letter off, at every depth
    [InlineData("CostSync:Destination:Prefx", "did you mean `Prefix` (`CostSync:Destination:Prefix`)?")]
    [InlineData("CostSync:StateDirectry", "did you mean `StateDirectory` (`CostSync:StateDirectory`)?")]
    [InlineData("CostSync:Oci:Endpoints:ObjectStorge", "did you mean `ObjectStorage` (`CostSync:Oci:Endpoints:ObjectStorage`)?")]
    [InlineData("CostSync:Destination:Credentials:SecretKeySecretID2", "did you mean `SecretKeySecretId`")]
    [InlineData("CostSync:Transfer:PartSize", "did you mean `PartSizeMiB`")]
    // a whole section misspelled is reported once, at the section
    [InlineData("CostSync:Destinaton:Bucket", "`CostSync:Destinaton` (in-memory settings) is not a known setting; did you mean `Destination`")]
    // nothing close: the known keys of that level are listed
    [InlineData("CostSync:Schedule:Frequency", "the keys known in `CostSync:Schedule` are `Cron`, `TimeZone`.")]
    // a list takes indexes, a value takes no sub-keys
    [InlineData("CostSync:Source:Include:first", "`CostSync:Source:Include` is a list: its items are `CostSync:Source:Include:0`")]
    [InlineData("CostSync:Destination:Prefix:x", "`CostSync:Destination:Prefix` takes a single value, not sub-keys.")]
    public void Check_UnknownKey_NamesItAndTheClosestKnownOne(string key, string hint)
    {
        var problems = Check(new Dictionary<string, string?> { [key] = "oci" });

        var problem = Assert.Single(problems);
        Assert.Contains(hint, problem, StringComparison.Ordinal);
        Assert.Contains("rename or remove it", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("oci", problem.Replace("Oci", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryKeyOfTheOptionsClasses_IsKnown()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CostSync:StateDirectory"] = "/var/lib/costsync",
            ["CostSync:RunTimeout"] = "12:00:00",
            ["CostSync:Oci:Endpoints:Metadata"] = "http://169.254.169.254/opc/v2/",
            ["CostSync:Oci:Retry:MaxRetryAttempts"] = "5",
            ["CostSync:Source:Include:0"] = "reports/**",
            ["CostSync:Source:Exclude:12"] = "FOCUS Reports/**",
            ["CostSync:Destination:Credentials:SecretId"] = "ocid1.vaultsecret.oc1.iad.a",
            ["CostSync:Destination:mirrormaxdeleteshare"] = "0.1",
            ["CostSync:Transfer:MaxAttempts"] = "3",
            ["CostSync:Logging:FileSizeLimitMiB"] = "100",
            // outside the CostSync section: not CostSync's to judge
            ["Serilog:MinimumLevel:Override:CostSync"] = "Debug",
            ["Unrelated:Key"] = "x",
        };

        Assert.Empty(Check(settings));
    }

    [Fact]
    public void Check_ShippedAppSettings_HasNoUnknownKey()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();

        Assert.Empty(UnknownKeyChecker.Check(configuration, ConfigurationValidator.Sections));
    }

    [Fact]
    public void Check_KeyFromSettingsFile_NamesTheFile()
    {
        var file = Path.Combine(_directory.Path, "appsettings.json");
        File.WriteAllText(file, """{ "CostSync": { "Alerts": { "TopicID": "x", "StaleAftr": "1.00:00:00" } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var problem = Assert.Single(UnknownKeyChecker.Check(configuration, ConfigurationValidator.Sections));

        Assert.StartsWith($"`CostSync:Alerts:StaleAftr` (in {file}) is not a known setting; did you mean `StaleAfter`", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KeyFromCommandLine_NamesTheArgument()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--CostSync:Destination:Prefx=oci"]).Build();

        var problem = Assert.Single(UnknownKeyChecker.Check(configuration, ConfigurationValidator.Sections));

        Assert.StartsWith("`CostSync:Destination:Prefx` (command line `--CostSync:Destination:Prefx`) is not a known setting; did you mean `Prefix`", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PropertyAddedToAnOptionsClass_IsKnownWithoutAList()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CostSync:Extra:Limit"] = "1", ["CostSync:Extra:Nested:Name"] = "n" }).Build();

        Assert.Empty(UnknownKeyChecker.Check(configuration, [.. ConfigurationValidator.Sections, ("CostSync:Extra", typeof(ExtraOptions))]));
        Assert.NotEmpty(UnknownKeyChecker.Check(configuration, ConfigurationValidator.Sections));
    }

    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) =>
        UnknownKeyChecker.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), ConfigurationValidator.Sections);

    private sealed class ExtraOptions
    {
        public int Limit { get; set; }

        public ExtraNested Nested { get; } = new();
    }

    private sealed class ExtraNested
    {
        public string? Name { get; set; }
    }
}
