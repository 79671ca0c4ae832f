using CostSync.Configuration;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Host.Configuration;

public sealed class ConfigurationValidatorTests : IDisposable
{
    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Theory]
    // schedule
    [InlineData("CostSync:Schedule:Cron", "0 */6 * *", "is not a cron expression (expected 5 fields")]
    [InlineData("CostSync:Schedule:Cron", "61 * * * *", "is not a cron expression")]
    [InlineData("CostSync:Schedule:TimeZone", "Mars/Olympus", "is not a known time zone")]
    // durations: type first, then range
    [InlineData("CostSync:Alerts:RepeatEvery", "one day", "is not a duration")]
    [InlineData("CostSync:Alerts:RepeatEvery", "00:00:10", "must be at least 1 minute")]
    [InlineData("CostSync:Alerts:StaleAfter", "00:10:00", "must be at least 1 hour")]
    [InlineData("CostSync:RunTimeout", "00:00:01", "must be at least 1 minute")]
    // enums
    [InlineData("CostSync:Oci:Auth", "Password", "is not one of InstancePrincipal, ApiKey, SecurityToken")]
    [InlineData("CostSync:Destination:Kind", "Ftp", "is not one of S3, Directory")]
    [InlineData("CostSync:Destination:Credentials:Source", "File", "is not one of OciVault, Environment, Default")]
    // OCI identifiers and endpoints
    [InlineData("CostSync:Oci:TenancyId", "my-tenancy", "is not a tenancy OCID")]
    [InlineData("CostSync:Oci:Region", "US East", "is not a region identifier")]
    [InlineData("CostSync:Oci:Endpoints:ObjectStorage", "objectstorage", "is not an absolute URL")]
    [InlineData("CostSync:Alerts:TopicId", "alerts", "is not an OCID")]
    [InlineData("CostSync:Destination:Credentials:SecretId", "keys", "is not a secret OCID")]
    // destination and transfer
    [InlineData("CostSync:Destination:Bucket", "Cost_Reports", "is not an S3 bucket name")]
    [InlineData("CostSync:Destination:Prefix", "/reports", "must not start with `/`")]
    [InlineData("CostSync:Destination:MirrorMaxDeleteShare", "1.5", "must be a share between 0 and 1")]
    [InlineData("CostSync:Destination:ServerSideEncryption", "rot13", "must be empty, `AES256` or `aws:kms`")]
    [InlineData("CostSync:Destination:ForcePathStyle", "yes", "is not `true` or `false`")]
    [InlineData("CostSync:Transfer:PartSizeMiB", "2", "must be between 5 and 5120")]
    [InlineData("CostSync:Transfer:MaxConcurrentObjects", "many", "is not a whole number")]
    [InlineData("CostSync:Transfer:StallTimeout", "00:00:00", "must be between 1 second and 1 hour")]
    [InlineData("CostSync:Transfer:RetryDelay", "-00:00:01", "must be between 0 and 10 minutes")]
    [InlineData("CostSync:Destination:Checksum", "Sha256", "is not one of Crc32c, Md5Only")]
    [InlineData("CostSync:Logging:RetainedFileCount", "0", "must be at least 1")]
    public void Validate_BadValue_NamesKeyValueRuleAndExample(string key, string value, string rule)
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With(key, value));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"`{key}` = `{value}` ", problem, StringComparison.Ordinal);
        Assert.Contains(rule, problem, StringComparison.Ordinal);
        Assert.Contains("Example: `", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEveryOneAtOnce()
    {
        var settings = TestSettings.Valid(_state.Path)
            .With("CostSync:Schedule:Cron", "0 */6 * *")
            .With("CostSync:Oci:Auth", "Password")
            .With("CostSync:Alerts:RepeatEvery", "one day")
            .With("CostSync:Destination:Bucket", "Cost_Reports")
            .With("CostSync:Transfer:PartSizeMiB", "2");

        var problems = Validate(settings);

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("`CostSync:Schedule:Cron`", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("`CostSync:Oci:Auth`", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("`CostSync:Alerts:RepeatEvery`", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("`CostSync:Destination:Bucket`", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("`CostSync:Transfer:PartSizeMiB`", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidBaseline_HasNoProblems() => Assert.Empty(Validate(TestSettings.Valid(_state.Path)));

    [Theory]
    // 6 fields with seconds, a named zone, two separate key secrets, a Directory destination without credentials
    [InlineData("CostSync:Schedule:Cron", "30 0 */6 * * *")]
    [InlineData("CostSync:Schedule:TimeZone", "Europe/Berlin")]
    [InlineData("CostSync:Alerts:RepeatEvery", "12:00:00")]
    public void Validate_AcceptedForms_HaveNoProblems(string key, string value) =>
        Assert.Empty(Validate(TestSettings.Valid(_state.Path).With(key, value)));

    [Fact]
    public void Validate_VaultWithoutSecretIds_NamesBothKeys()
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With("CostSync:Destination:Credentials:SecretId", null));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("`CostSync:Destination:Credentials:AccessKeySecretId` is not set", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("`CostSync:Destination:Credentials:SecretKeySecretId` is not set", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DirectoryDestinationWithoutPath_NamesPath()
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With("CostSync:Destination:Kind", "Directory"));

        var problem = Assert.Single(problems);
        Assert.StartsWith("`CostSync:Destination:Path` is not set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceOnlySections_IgnoresAnUnconfiguredDestination()
    {
        var settings = TestSettings.Valid(_state.Path).With("CostSync:Destination:Bucket", null).With("CostSync:Destination:Credentials:SecretId", null);

        Assert.Empty(Validate(settings, ConfigurationValidator.SourceOnly));
        Assert.NotEmpty(Validate(settings));
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings, IReadOnlyList<Type>? sections = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCostSync(configuration).BuildServiceProvider();
        return ConfigurationValidator.Validate(configuration, services, sections ?? ConfigurationValidator.All);
    }
}
