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
    // valid cron syntax for a date that never comes
    [InlineData("CostSync:Schedule:Cron", "0 0 31 2 *", "never fires (it names a date that does not exist")]
    [InlineData("CostSync:Schedule:Cron", "0 0 0 30 2 *", "never fires")]
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
    // plain http to anything but loopback would expose reports, keys or tokens
    [InlineData("CostSync:Oci:Endpoints:ObjectStorage", "http://objectstorage.us-ashburn-1.oraclecloud.com/", "must use https:// (it carries the cost reports;")]
    [InlineData("CostSync:Oci:Endpoints:Secrets", "http://10.0.0.7/", "must use https:// (it carries the AWS keys read from Vault;")]
    [InlineData("CostSync:Oci:Endpoints:Auth", "http://auth.example.com/", "must use https:// (it carries the instance's security tokens;")]
    [InlineData("CostSync:Oci:Endpoints:Notifications", "http://notification.example.com/", "must use https://")]
    [InlineData("CostSync:Alerts:TopicId", "alerts", "is not an OCID")]
    // destination and transfer
    [InlineData("CostSync:Destination:Bucket", "Cost_Reports", "is not an S3 bucket name")]
    [InlineData("CostSync:Destination:Prefix", "/reports", "must not start with `/`")]
    // segments that climb, stand still or are blank
    [InlineData("CostSync:Destination:Prefix", "..", "contains a `..` segment")]
    [InlineData("CostSync:Destination:Prefix", "oci/../../etc", "contains a `..` segment")]
    [InlineData("CostSync:Destination:Prefix", "./oci", "contains a `.` segment")]
    [InlineData("CostSync:Destination:Prefix", "oci/ /reports", "contains an empty or blank segment")]
    [InlineData("CostSync:Destination:MirrorMaxDeleteShare", "1.5", "must be a share between 0 and 1")]
    [InlineData("CostSync:Destination:MaxRetryAttempts", "-1", "must be between 0 and 20")]
    [InlineData("CostSync:Destination:MaxRetryAttempts", "50", "must be between 0 and 20")]
    [InlineData("CostSync:Destination:ServerSideEncryption", "rot13", "must be empty, `AES256` or `aws:kms`")]
    [InlineData("CostSync:Destination:ForcePathStyle", "yes", "is not `true` or `false`")]
    [InlineData("CostSync:Transfer:PartSizeMiB", "2", "must be between 5 and 5120")]
    [InlineData("CostSync:Transfer:MaxConcurrentObjects", "many", "is not a whole number")]
    [InlineData("CostSync:Transfer:StallTimeout", "00:00:00", "must be between 1 second and 1 hour")]
    [InlineData("CostSync:Transfer:RetryDelay", "-00:00:01", "must be between 0 and 10 minutes")]
    [InlineData("CostSync:Destination:Checksum", "Sha256", "is not one of Crc32c, Md5Only")]
    [InlineData("CostSync:Validation:Mode", "Strict", "is not one of Off, Header, Full")]
    [InlineData("CostSync:Validation:Mode", "2", "is not one of Off, Header, Full")]
    [InlineData("CostSync:Logging:RetainedFileCount", "0", "must be at least 1")]
    // metrics
    [InlineData("CostSync:Metrics:TextfilePath", "/var/lib/costsync/metrics/costsync.txt", "must end in `.prom`")]
    [InlineData("CostSync:Metrics:TextfilePath", "metrics/costsync.prom", "must be an absolute path")]
    [InlineData("CostSync:Metrics:Otlp:Endpoint", "collector:4317", "is not an absolute http(s) URL")]
    [InlineData("CostSync:Metrics:Otlp:Protocol", "udp", "is not one of Grpc, HttpProtobuf")]
    [InlineData("CostSync:Metrics:Otlp:ExportInterval", "00:00:00", "must be at least 1 second")]
    [InlineData("CostSync:Metrics:OciMonitoring:CompartmentId", "my-compartment", "is not a compartment OCID")]
    [InlineData("CostSync:Metrics:OciMonitoring:Namespace", "oci_costsync", "not start with `oci_` or `oracle_`")]
    [InlineData("CostSync:Metrics:OciMonitoring:Namespace", "cost-sync", "hold only letters, digits and underscores")]
    [InlineData("CostSync:Oci:Endpoints:TelemetryIngestion", "telemetry", "is not an absolute URL")]
    public void Validate_BadValue_NamesKeyValueRuleAndExample(string key, string value, string rule)
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With(key, value));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"`{key}` = `{value}` ", problem, StringComparison.Ordinal);
        Assert.Contains(rule, problem, StringComparison.Ordinal);
        Assert.Contains("Example: `", problem, StringComparison.Ordinal);
    }

    [Theory]
    // an unknown mode
    [InlineData("Locked", "365", "`CostSync:Destination:ObjectLock:Mode` = `Locked` is not one of Governance, Compliance")]
    // retention S3 cannot hold, or none
    [InlineData("Compliance", "0", "`CostSync:Destination:ObjectLock:RetainDays` = `0` must be between 1 and 36500 days (100 years). Example: `2557 (7 years)`.")]
    [InlineData("Governance", "36501", "`CostSync:Destination:ObjectLock:RetainDays` = `36501` must be between 1 and 36500 days")]
    [InlineData("Compliance", "seven years", "`CostSync:Destination:ObjectLock:RetainDays` = `seven years` is not a whole number")]
    // one without the other
    [InlineData("Compliance", null, "`CostSync:Destination:ObjectLock:RetainDays` is not set; it is required when `CostSync:Destination:ObjectLock:Mode` is set")]
    [InlineData(null, "2557", "`CostSync:Destination:ObjectLock:Mode` is not set; it is required when `CostSync:Destination:ObjectLock:RetainDays` is set (`Governance` or `Compliance`)")]
    public void Validate_ObjectLock_BothValuesOrNeitherWithinS3sLimits(string? mode, string? days, string problem)
    {
        var settings = TestSettings.Valid(_state.Path).With("CostSync:Destination:ObjectLock:Mode", mode).With("CostSync:Destination:ObjectLock:RetainDays", days);

        Assert.StartsWith(problem, Assert.Single(Validate(settings)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Governance", "1")]
    [InlineData("compliance", "36500")]
    public void Validate_ObjectLockWithinLimits_HasNoProblems(string mode, string days) =>
        Assert.Empty(Validate(TestSettings.Valid(_state.Path).With("CostSync:Destination:ObjectLock:Mode", mode).With("CostSync:Destination:ObjectLock:RetainDays", days)));

    [Fact]
    public void Validate_ObjectLockOnADirectory_IsRefused()
    {
        var settings = TestSettings.Valid(_state.Path)
            .With("CostSync:Destination:Kind", "Directory").With("CostSync:Destination:Path", _state.Path)
            .With("CostSync:Destination:ObjectLock:Mode", "Compliance").With("CostSync:Destination:ObjectLock:RetainDays", "2557");

        var problem = Assert.Single(Validate(settings));

        Assert.StartsWith("`CostSync:Destination:ObjectLock:Mode` = `Compliance` applies only to Kind = S3 (a Directory destination cannot lock its files)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mode", "Governance", "`CostSync:Destination:ObjectLock:Mode` = `Governance` applies only to Kind = S3")]
    [InlineData("RetainDays", "5", "`CostSync:Destination:ObjectLock:RetainDays` = `5` applies only to Kind = S3")]
    public void Validate_HalfAnObjectLockOnADirectory_OneProblemNamingTheKeyThatIsSet(string key, string value, string problem)
    {
        var settings = TestSettings.Valid(_state.Path)
            .With("CostSync:Destination:Kind", "Directory").With("CostSync:Destination:Path", _state.Path)
            .With($"CostSync:Destination:ObjectLock:{key}", value);

        Assert.StartsWith(problem, Assert.Single(Validate(settings)), StringComparison.Ordinal);
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
    // a trailing slash and dots inside a name are fine
    [InlineData("CostSync:Destination:Prefix", "oci/cost-reports/")]
    [InlineData("CostSync:Destination:Prefix", "oci/v1.2..3")]
    // 29 February fires in leap years only, which is still a schedule
    [InlineData("CostSync:Schedule:Cron", "0 0 29 2 *")]
    // http is fine on loopback (an emulator), and for instance metadata (link-local, http only)
    [InlineData("CostSync:Oci:Endpoints:Secrets", "http://127.0.0.1:8080/")]
    [InlineData("CostSync:Oci:Endpoints:ObjectStorage", "http://localhost:8080/")]
    [InlineData("CostSync:Oci:Endpoints:Auth", "http://[::1]:8080/")]
    [InlineData("CostSync:Oci:Endpoints:Metadata", "http://169.254.169.254/opc/v2/")]
    public void Validate_AcceptedForms_HaveNoProblems(string key, string value) =>
        Assert.Empty(Validate(TestSettings.Valid(_state.Path).With(key, value)));

    [Fact]
    public void Validate_PartSizeEqualToBudgetButPooledLarger_RejectsPartSizeAndThresholdWithFix()
    {
        var settings = TestSettings.Valid(_state.Path)
            .With("CostSync:Transfer:PartSizeMiB", "20")
            .With("CostSync:Transfer:MemoryBudgetMiB", "20")
            .With("CostSync:Transfer:MultipartThresholdMiB", "64");

        var problems = Validate(settings);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("`CostSync:Transfer:PartSizeMiB` = `20` needs a 32 MiB buffer per part (buffers are pooled at the next power of two), more than `CostSync:Transfer:MemoryBudgetMiB` = 20", problems[0], StringComparison.Ordinal);
        Assert.Contains("lower PartSizeMiB to at most 16 or raise MemoryBudgetMiB to 32. Example: `PartSizeMiB = 8`.", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("`CostSync:Transfer:MultipartThresholdMiB` = `64` lets objects just under 64 MiB be copied in one piece, which needs a 64 MiB buffer", problems[1], StringComparison.Ordinal);
        Assert.Contains("lower MultipartThresholdMiB to at most 16 or raise MemoryBudgetMiB to 64", problems[1], StringComparison.Ordinal);
    }

    [Theory]
    // threshold above the budget
    [InlineData("300", "256", "needs a 512 MiB buffer")]
    // threshold a little above a power of two: the pool charges the next one
    [InlineData("129", "128", "needs a 256 MiB buffer")]
    // a budget below every possible buffer: only raising it helps
    [InlineData("5", "5", "raise MemoryBudgetMiB to 8. Example: `MemoryBudgetMiB = 8`.")]
    public void Validate_ThresholdTooLargeForBudget_RejectsWithFix(string threshold, string budget, string text)
    {
        var settings = TestSettings.Valid(_state.Path)
            .With("CostSync:Transfer:PartSizeMiB", "5")
            .With("CostSync:Transfer:MemoryBudgetMiB", budget)
            .With("CostSync:Transfer:MultipartThresholdMiB", threshold);

        var problems = Validate(settings);

        Assert.Contains(problems, p => p.StartsWith($"`CostSync:Transfer:MultipartThresholdMiB` = `{threshold}`", StringComparison.Ordinal) && p.Contains(text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(33)]
    [InlineData(64)]
    public async Task Validate_TransferSizes_AcceptsExactlyWhatThePoolCanRent(int budgetMiB)
    {
        const int MiB = 1024 * 1024;
        foreach (var size in new[] { 5, 6, 8, 9, 16, 17, 20, 32, 33, 64, 65 })
        {
            var pool = new CostSync.Sync.Transfer.PartBufferPool(budgetMiB * (long)MiB);
            var partRentable = await CanRentAsync(pool, size * MiB);
            var singleRentable = await CanRentAsync(pool, (size * MiB) - 1);
            var settings = TestSettings.Valid(_state.Path)
                .With("CostSync:Transfer:MemoryBudgetMiB", budgetMiB.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("CostSync:Transfer:PartSizeMiB", size.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("CostSync:Transfer:MultipartThresholdMiB", size.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var problems = Validate(settings);

            Assert.Equal(!partRentable, problems.Any(p => p.StartsWith("`CostSync:Transfer:PartSizeMiB`", StringComparison.Ordinal)));
            Assert.Equal(!singleRentable, problems.Any(p => p.StartsWith("`CostSync:Transfer:MultipartThresholdMiB`", StringComparison.Ordinal)));
        }
    }

    [Theory]
    // a pasted AWS secret key or access key id where the Vault secret's OCID belongs
    [InlineData("CostSync:Destination:Credentials:SecretId", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("CostSync:Destination:Credentials:AccessKeySecretId", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("CostSync:Destination:Credentials:SecretKeySecretId", "ocid1 wJalrXUtnFEMI/K7MDENG")]
    public void Validate_SecretIdThatIsNotAnOcid_NamesTheKeyAndHidesTheValue(string key, string value)
    {
        var settings = TestSettings.Valid(_state.Path).With("CostSync:Destination:Credentials:SecretId", null)
            .With("CostSync:Destination:Credentials:AccessKeySecretId", "ocid1.vaultsecret.oc1.iad.access")
            .With("CostSync:Destination:Credentials:SecretKeySecretId", "ocid1.vaultsecret.oc1.iad.secret")
            .With(key, value);

        var problems = Validate(settings);

        Assert.Contains(problems, p => p.StartsWith($"`{key}` = (value hidden: {value.Length} characters that are not an OCID, possibly a pasted key) ", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain(value, p, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain(value[..8], p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SecretIdOcidInConflict_ShowsTheOcid()
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With("CostSync:Destination:Credentials:AccessKeySecretId", "ocid1.vaultsecret.oc1.iad.access"));

        Assert.Contains(problems, p => p.StartsWith("`CostSync:Destination:Credentials:SecretId` = `ocid1.vaultsecret.oc1.iad.keys` is set together with", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_VaultWithoutSecretIds_NamesBothKeys()
    {
        var problems = Validate(TestSettings.Valid(_state.Path).With("CostSync:Destination:Credentials:SecretId", null));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("`CostSync:Destination:Credentials:AccessKeySecretId` is not set", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("`CostSync:Destination:Credentials:SecretKeySecretId` is not set", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DirectoryDestinationWithDotDotPrefix_RejectsThePrefix()
    {
        var settings = TestSettings.Valid(_state.Path).With("CostSync:Destination:Kind", "Directory").With("CostSync:Destination:Path", _state.Path).With("CostSync:Destination:Prefix", "../outside");

        var problem = Assert.Single(Validate(settings));

        Assert.StartsWith("`CostSync:Destination:Prefix` = `../outside` contains a `..` segment", problem, StringComparison.Ordinal);
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

    private static async Task<bool> CanRentAsync(CostSync.Sync.Transfer.PartBufferPool pool, int length)
    {
        try
        {
            using var buffer = await pool.RentAsync(length, TestContext.Current.CancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings, IReadOnlyList<Type>? sections = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCostSync(configuration).BuildServiceProvider();
        return ConfigurationValidator.Validate(configuration, services, sections ?? ConfigurationValidator.All);
    }
}
