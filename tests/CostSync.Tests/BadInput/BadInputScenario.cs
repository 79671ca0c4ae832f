using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;

namespace CostSync.Tests.BadInput;

/// <summary>
/// The real CLI (<see cref="CliHarness"/>) against the OCI emulator with a small bling tree, archiving into a folder or a Swift
/// bucket, plus what a bad-input case needs to prove nothing was lost: the destination as an auditor reads it.
/// </summary>
internal sealed class BadInputScenario : IAsyncDisposable
{
    /// <summary>A few ordinary reports, so a bad object sits among good ones.</summary>
    public static readonly BlingTreeOptions SmallTree = BlingTreeOptions.None with { CostReportCount = 2, FocusDays = 1, FilesPerFocusDay = 1 };

    private readonly SwiftS3Fixture? _swift;
    private string? _bucket;
    private int _alertsAtBaseline;

    private BadInputScenario(CliHarness cli, SwiftS3Fixture? swift)
    {
        Cli = cli;
        _swift = swift;
    }

    public CliHarness Cli { get; }

    public OciEmulatorServer Emulator => Cli.Emulator;

    /// <summary>The alerts published since the baseline run (all of them without one).</summary>
    public IReadOnlyList<CostSync.OciEmulator.Notifications.PublishedMessage> NewAlerts => [.. Emulator.Notifications.Messages.Skip(_alertsAtBaseline)];

    /// <summary>The emulator's bling tree as name → bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Source => Emulator.Objects.All.ToDictionary(o => o.Name, o => o.Content.ToArray(), StringComparer.Ordinal);

    /// <summary>A scenario archiving into a folder.</summary>
    public static async Task<BadInputScenario> ToDirectoryAsync(CancellationToken cancellationToken, OciEmulatorOptions? emulator = null)
    {
        var cli = await CliHarness.StartAsync(emulator ?? new OciEmulatorOptions { Tree = SmallTree }, cancellationToken);
        cli.ToDirectory();
        return new BadInputScenario(cli, null);
    }

    /// <summary>A scenario archiving into a new Swift bucket, with working keys in Vault.</summary>
    public static async Task<BadInputScenario> ToSwiftAsync(SwiftS3Fixture swift, CancellationToken cancellationToken, BlingTreeOptions? tree = null)
    {
        var scenario = new BadInputScenario(await CliHarness.StartAsync(cancellationToken, tree ?? SmallTree), swift);
        await scenario.UseSwiftAsync(cancellationToken);
        return scenario;
    }

    /// <summary>Switches this scenario to a new Swift bucket (e.g. after archiving the same names into a folder).</summary>
    public async Task UseSwiftAsync(CancellationToken cancellationToken)
    {
        var swift = _swift ?? throw new InvalidOperationException("This scenario has no Swift server.");
        _bucket = await swift.CreateBucketAsync(cancellationToken);
        Cli.ToSwift(swift, _bucket).VaultHoldsSwiftKeys();
    }

    /// <summary>Switches this scenario to its folder destination.</summary>
    public void UseDirectory()
    {
        _bucket = null;
        Cli.ToDirectory();
    }

    /// <summary>The destination the CLI writes to, opened as an auditor would (the S3 side with the fixture's own keys).</summary>
    public IDestination OpenDestination() => _bucket is { } bucket
        ? new S3Destination(_swift!.CreateClient(), bucket, _swift.Options(bucket), ownsClient: true)
        : new DirectoryDestination(Cli.Settings["CostSync:Destination:Path"]!, overwriteProtection: false, TimeProvider.System);

    /// <summary>Everything the destination holds, ledger included.</summary>
    public async Task<SortedDictionary<string, string>> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var destination = OpenDestination();
        return await ArchiveSnapshot.TakeAsync(destination, cancellationToken);
    }

    /// <summary>The keys the ledger records (any entry that is not a deletion).</summary>
    public async Task<HashSet<string>> RecordedAsync(CancellationToken cancellationToken)
    {
        await using var destination = OpenDestination();
        return await LedgerContents.RecordedKeysAsync(destination, Prefix, cancellationToken);
    }

    /// <summary>The bytes archived at <paramref name="key"/> (null when absent).</summary>
    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var destination = OpenDestination();
        return await ArchiveSnapshot.ReadAsync(destination, key, cancellationToken);
    }

    /// <summary>A run's exit code, output and every log line on one line (test runners show only an assertion message's first line).</summary>
    public string Describe(CliResult result) =>
        string.Join(" ¶ ", [.. result.ToString().Split('\n'), .. Cli.Logs.GetSnapshot().Select(r => $"{r.Level} {r.Id.Name}: {r.Message}{(r.Exception is null ? "" : " | " + r.Exception.GetType().Name)}")]);

    /// <summary>Runs the CLI once more with the settings as they are.</summary>
    public Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken) => Cli.RunAsync(args, cancellationToken);

    /// <summary>A first, successful <c>--once</c>: the archive every bad input that follows must leave as it is.</summary>
    public async Task<SortedDictionary<string, string>> ArchiveOnceAsync(CancellationToken cancellationToken)
    {
        var result = await Cli.RunAsync(["--once"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The baseline run failed: {result}");
        }

        Cli.Logs.Clear();
        _alertsAtBaseline = Emulator.Notifications.Messages.Count;
        Emulator.Requests.Clear();
        return await SnapshotAsync(cancellationToken);
    }

    private string Prefix => Cli.Settings.TryGetValue("CostSync:Destination:Prefix", out var prefix) && !string.IsNullOrEmpty(prefix) ? prefix.TrimEnd('/') + "/" : string.Empty;

    public async ValueTask DisposeAsync() => await Cli.DisposeAsync();
}
