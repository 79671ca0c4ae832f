using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// Misconfigurations a new operator makes, through the real CLI against the OCI emulator: each ends with one clear
/// line naming what is wrong and the fix, and the documented exit code, never a stack trace or a misleading cause.
/// </summary>
public sealed class MisconfigurationEndToEndTests : IAsyncLifetime
{
    // sysfs refuses new files even to root, so it stands for any directory the service user cannot write.
    private const string UnwritableDirectory = "/sys";
    private CliHarness _cli = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _cli.ToDirectory();
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Daemon_StateDirectoryNotWritable_ExitsTwoAtStartSayingWhy()
    {
        _cli.Settings["CostSync:StateDirectory"] = UnwritableDirectory;
        // Without the start-up check the daemon would sit waiting for its schedule; the timeout only bounds that failure.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        var result = await _cli.RunAsync([], timeout.Token);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.BootstrapLines, l => l.Contains("The state directory", StringComparison.Ordinal));
        Assert.Contains($"The state directory `{UnwritableDirectory}` is not writable by this user", line, StringComparison.Ordinal);
        Assert.Contains("`CostSync:StateDirectory`", line, StringComparison.Ordinal);
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Empty(_cli.Emulator.Requests.Entries);
    }

    [Fact]
    public async Task Doctor_StateAndLogDirectoriesNotWritable_FailsTheStateAndWarnsTheLog()
    {
        _cli.Settings["CostSync:StateDirectory"] = UnwritableDirectory;
        _cli.Settings["CostSync:Logging:Path"] = Path.Combine(UnwritableDirectory, "costsync-logs");

        var result = await _cli.RunAsync(["doctor"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"FAIL  state directory     `{UnwritableDirectory}` is not writable by this user", result.Output, StringComparison.Ordinal);
        Assert.Contains("-> fix: make it writable for the service user", result.Output, StringComparison.Ordinal);
        Assert.Contains($"WARN  log directory       Cannot write log files to `{UnwritableDirectory}/costsync-logs`", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_IncludeGlobMatchesNothing_WarnsInLogAndSummaryAndAlerts()
    {
        _cli.Settings["CostSync:Source:Include:0"] = "reports/cost-csv/*.csv";

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var logs = _cli.Logs.GetSnapshot();
        var warning = Assert.Single(logs, r => r.Id.Name == "NothingListed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("after `CostSync:Source:Include` (`reports/cost-csv/*.csv`)", warning.Message, StringComparison.Ordinal);
        var summary = Assert.Single(logs, r => r.Id.Name == "RunSummary");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, summary.Level);
        Assert.Contains(": 0 listed, 0 copied", summary.Message, StringComparison.Ordinal);
        Assert.Contains("WARNING: no source object was listed", summary.Message, StringComparison.Ordinal);
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.EndsWith(": no cost reports listed", alert.Title, StringComparison.Ordinal);
        Assert.Contains("the patterns match none of the report names", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ObjectStorageUnreachable_OneLinePerRetryNamingServiceAndKeyWithoutStackTraces()
    {
        _cli.Settings["CostSync:Oci:Endpoints:ObjectStorage"] = "http://127.0.0.1:1/";
        _cli.Settings["CostSync:Oci:Retry:MaxRetryAttempts"] = "2";

        var result = await _cli.RunAsync(["list"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var logs = _cli.Logs.GetSnapshot();
        var retries = logs.Where(r => r.Id.Id == 1003).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Contains("OCI Object Storage\" at \"127.0.0.1:1\" failed (\"Connection refused (127.0.0.1:1)\")", r.Message, StringComparison.Ordinal));
        Assert.All(logs, r => Assert.Null(r.Exception));
        var failed = Assert.Single(logs, r => r.Id.Name == "CommandFailed");
        Assert.Contains("ListObjects failed: OCI Object Storage at 127.0.0.1:1 did not answer (Connection refused (127.0.0.1:1)). Check `CostSync:Oci:Endpoints:ObjectStorage`", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_S3Unreachable_FailLineNamingServiceUrlInsteadOfACrash()
    {
        UnreachableS3();

        var result = await _cli.RunAsync(["doctor"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL  destination write   S3 at `CostSync:Destination:ServiceUrl` = http://127.0.0.1:1/ did not answer (Connection refused (127.0.0.1:1))", result.Output, StringComparison.Ordinal);
        Assert.Contains("WARN  S3 lifecycle rule   cannot read the lifecycle configuration: S3 at `CostSync:Destination:ServiceUrl`", result.Output, StringComparison.Ordinal);
        Assert.All(_cli.Logs.GetSnapshot(), r => Assert.Null(r.Exception));
    }

    [Fact]
    public async Task Once_S3Unreachable_RunErrorAndAlertNameS3AndTheKey()
    {
        UnreachableS3();

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        const string Side = "S3 at `CostSync:Destination:ServiceUrl` = http://127.0.0.1:1/ did not answer (Connection refused (127.0.0.1:1))";
        Assert.Contains(Side, Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RunFailed").Message, StringComparison.Ordinal);
        Assert.Contains(Side, Assert.Single(_cli.Emulator.Notifications.Messages).Body, StringComparison.Ordinal);
        Assert.Contains(Side, Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "StaleUploadSweepFailed").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_RegionNotKnown_WarnsAtStartNamingTheClosestRegion()
    {
        _cli.Settings["CostSync:Oci:Region"] = "us-ashburn1";

        var list = await _cli.RunAsync(["list"], Ct);
        var doctor = await _cli.RunAsync(["doctor"], Ct);

        Assert.True(list.ExitCode == 0, list.ToString());
        var warning = _cli.Logs.GetSnapshot().First(r => r.Id.Name == "ConfigurationWarning");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("`CostSync:Oci:Region` = `us-ashburn1` is not an OCI region CostSync knows (did you mean `us-ashburn-1`?)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("WARN  configuration       valid, but: `CostSync:Oci:Region` = `us-ashburn1`", doctor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SourceBucketIsNotTheTenancy_BlingNotFoundAlsoSaysSo()
    {
        _cli.Settings["CostSync:Source:Bucket"] = "ocid1.tenancy.oc1..someoneelse";

        var result = await _cli.RunAsync(["list"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "CommandFailed");
        Assert.Contains("home region", failed.Message, StringComparison.Ordinal);
        Assert.Contains($"(3) The bucket `ocid1.tenancy.oc1..someoneelse` is not this principal's tenancy OCID (`{_cli.Emulator.TenancyId}`)", failed.Message, StringComparison.Ordinal);
        Assert.Contains("leave CostSync:Source:Bucket empty", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_InstancePrincipalWhereMetadataRefuses_SaysNotAnOciInstanceNotAVaultPolicy()
    {
        // Another cloud's metadata service answers OCI's paths with 4xx (the emulator does the same for a path it does not serve).
        UnreachableS3();
        _cli.Settings["CostSync:Oci:Auth"] = "InstancePrincipal";
        _cli.Settings["CostSync:Oci:Endpoints:Metadata"] = new Uri(_cli.Emulator.BaseUri, "not-opc/v2/").ToString();

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RunFailed");
        Assert.Contains("so it is not reachable or refused: not an OCI instance?", failed.Message, StringComparison.Ordinal);
        Assert.Contains("set `CostSync:Oci:Auth` = ApiKey", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-bundles", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_InstancePrincipalWithoutMetadataService_SaysNotAnOciInstance()
    {
        _cli.Settings["CostSync:Oci:Auth"] = "InstancePrincipal";
        _cli.Settings["CostSync:Oci:Endpoints:Metadata"] = "http://127.0.0.1:1/opc/v2/";

        var result = await _cli.RunAsync(["list"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "CommandFailed");
        Assert.Contains("instance metadata at http://127.0.0.1:1/opc/v2/identity/cert.pem did not answer (Connection refused (127.0.0.1:1)), so it is not reachable or refused: not an OCI instance?", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ConfigFileWithInvalidJson_ExitsTwoWithLineAndColumn()
    {
        var file = Path.Combine(_cli.StateDirectory + "-config", "appsettings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "{\n  \"CostSync\": {\n    \"StateDirectory\": \"/tmp/x\",\n    \"Destination\" { }\n  }\n}\n", Ct);

        var result = await _cli.RunAsync(["--once", "--config", file], Ct);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.BootstrapLines);
        Assert.Contains($"'{file}'", line, StringComparison.Ordinal);
        Assert.Contains("invalid JSON at line 4, column 19: '{' is invalid after a property name. Expected a ':'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ConfigPointsAtADirectory_SaysItIsADirectory()
    {
        var directory = Directory.CreateDirectory(_cli.StateDirectory + "-config-dir").FullName;

        var result = await _cli.RunAsync(["--once", "--config", directory], Ct);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"The settings file `{directory}` given with `--config` is a directory.", Assert.Single(result.BootstrapLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_AlertTopicMissing_LogsAnErrorWithAFixLine()
    {
        // A run that alerts (it lists nothing) with a topic OCID that does not exist.
        _cli.Settings["CostSync:Source:Include:0"] = "no/such/reports/**";
        _cli.Settings["CostSync:Alerts:TopicId"] = "ocid1.onstopic.oc1.iad.missing";

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var error = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "AlertPublishFailed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, error.Level);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("check that `CostSync:Alerts:TopicId` is the OCID of an existing topic", error.Message, StringComparison.Ordinal);
        Assert.Contains("costsync test-alert", error.Message, StringComparison.Ordinal);
    }

    private void UnreachableS3()
    {
        _cli.Settings["CostSync:Destination:Kind"] = "S3";
        _cli.Settings["CostSync:Destination:Bucket"] = "cost-reports";
        _cli.Settings["CostSync:Destination:ServiceUrl"] = "http://127.0.0.1:1/";
        _cli.Settings["CostSync:Destination:ForcePathStyle"] = "true";
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, "{\"accessKeyId\": \"AKIAEXAMPLE\", \"secretAccessKey\": \"example-secret\"}");
    }
}
