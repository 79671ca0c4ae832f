using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Logging.Testing;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>Runs the real CLI in-process against an OCI emulator, with settings the test can change; collects output and logs.</summary>
internal sealed class CliHarness : IAsyncDisposable
{
    public const string SecretId = "ocid1.vaultsecret.oc1.iad.e2ekeys";
    public const string TopicId = "ocid1.onstopic.oc1.iad.e2ealerts";
    private readonly TempDirectory _directory = new();
    private int _reported;

    private CliHarness(OciEmulatorServer emulator, string configFile)
    {
        Emulator = emulator;
        Settings = new Dictionary<string, string?>
        {
            ["CostSync:StateDirectory"] = Path.Combine(_directory.Path, "state"),
            ["CostSync:Logging:Path"] = string.Empty,
            ["CostSync:Oci:Auth"] = "ApiKey",
            ["CostSync:Oci:ConfigFile"] = configFile,
            ["CostSync:Oci:Endpoints:ObjectStorage"] = emulator.BaseUri.ToString(),
            ["CostSync:Oci:Endpoints:Secrets"] = emulator.BaseUri.ToString(),
            ["CostSync:Oci:Endpoints:Notifications"] = emulator.BaseUri.ToString(),
            ["CostSync:Oci:Endpoints:Auth"] = emulator.BaseUri.ToString(),
            ["CostSync:Oci:Endpoints:TelemetryIngestion"] = emulator.BaseUri.ToString(),
            ["CostSync:Oci:Endpoints:Metadata"] = emulator.MetadataUri.ToString(),
            ["CostSync:Oci:Retry:MaxRetryAttempts"] = "1",
            ["CostSync:Oci:Retry:BaseDelay"] = "00:00:00.010",
            ["CostSync:Destination:Credentials:SecretId"] = SecretId,
            ["CostSync:Alerts:TopicId"] = TopicId,
        };
        emulator.Notifications.AddTopic(TopicId);
    }

    public OciEmulatorServer Emulator { get; }

    public Dictionary<string, string?> Settings { get; }

    public string StateDirectory => Settings["CostSync:StateDirectory"]!;

    public FakeLogCollector Logs { get; } = new();

    /// <summary>Replaces services after <c>AddCostSync</c> for every run (e.g. a recording destination factory).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Starts an emulator with the default generated bling tree, or <paramref name="tree"/> (e.g. <see cref="BlingTreeOptions.None"/> for an empty bucket).</summary>
    public static Task<CliHarness> StartAsync(CancellationToken cancellationToken, BlingTreeOptions? tree = null) =>
        StartAsync(new OciEmulatorOptions { Tree = tree ?? BlingTreeOptions.Default }, cancellationToken);

    /// <summary>Starts an emulator with <paramref name="options"/> (e.g. another clock).</summary>
    public static async Task<CliHarness> StartAsync(OciEmulatorOptions options, CancellationToken cancellationToken)
    {
        var emulator = await OciEmulatorServer.StartAsync(options, cancellationToken);
        var directory = Path.Combine(Path.GetTempPath(), "costsync-host-tests", Guid.NewGuid().ToString("N"));
        return new CliHarness(emulator, emulator.WriteApiKeyConfig(directory));
    }

    /// <summary>The Vault secret holds Swift's test keys as JSON, the shape most end-to-end runs use.</summary>
    public CliHarness VaultHoldsSwiftKeys()
    {
        Emulator.Secrets.Set(SecretId, $"{{\"accessKeyId\": \"{Tests.Support.SwiftS3Fixture.AccessKey}\", \"secretAccessKey\": \"{Tests.Support.SwiftS3Fixture.SecretKey}\"}}");
        return this;
    }

    public CliHarness ToSwift(Tests.Support.SwiftS3Fixture swift, string bucket)
    {
        Settings["CostSync:Destination:Kind"] = "S3";
        Settings["CostSync:Destination:Bucket"] = bucket;
        Settings["CostSync:Destination:ServiceUrl"] = swift.ServiceUrl.ToString();
        Settings["CostSync:Destination:ForcePathStyle"] = "true";
        Settings["CostSync:Destination:Region"] = Tests.Support.SwiftS3Fixture.Region;
        return this;
    }

    public CliHarness ToDirectory()
    {
        Settings["CostSync:Destination:Kind"] = "Directory";
        Settings["CostSync:Destination:Path"] = Path.Combine(_directory.Path, "reports");
        return this;
    }

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var bootstrap = new CollectingSink();
        using var output = new StringWriter();
        using var provider = new FakeLoggerProvider(Logs);
        var environment = new AppEnvironment
        {
            BootstrapLogger = bootstrap.CreateLogger(),
            Output = output,
            WriteToConsole = false,
            UseSystemConfigFile = false,
            UseEnvironmentVariables = false,
            Configuration = new Dictionary<string, string?>(Settings),
            ExtraLoggerProvider = provider,
            ConfigureServices = ConfigureServices,
        };
        var exitCode = await CostSyncApp.RunAsync(args, environment, cancellationToken);
        var result = new CliResult(exitCode, output.ToString(), bootstrap.Lines);
        _reported = SecretHygiene.HarnessReports.CliRun(result, Logs, _reported);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await SecretHygiene.HarnessReports.CliEndAsync(Emulator, Settings);
        await Emulator.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>What one CLI run produced.</summary>
internal sealed record CliResult(int ExitCode, string Output, IReadOnlyList<string> BootstrapLines)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{string.Join(Environment.NewLine, BootstrapLines)}";
}
