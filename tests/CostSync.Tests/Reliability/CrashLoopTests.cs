using System.Globalization;
using CostSync.OciEmulator;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Reliability;

/// <summary>
/// The crash loop: the real process (<c>dotnet CostSync.dll --once</c>) copies a growing bling tree (reports copied in 5 MiB
/// parts among them) from the OCI emulator to Swift through <c>tests/servers/s3faults.js</c>, and is killed with SIGKILL at
/// seeded random points: during the listings and the sweep, mid-read, mid-part, after a part, between CompleteMultipartUpload and
/// the ledger flush, during the ledger flush, after a report's PUT or a superseded copy. After every kill, every object a reader
/// can see is complete; then a run without faults must succeed, after which Swift, read directly and hashed, holds exactly the
/// source's bytes under every report's key, no incomplete upload remains and the ledger records every report.
/// <para>
/// The normal test run kills at the <see cref="DefaultKinds"/>, one point each. The full set (random kinds too):
/// <c>COSTSYNC_CRASH_POINTS=24 dotnet test --project tests/CostSync.Tests -- --filter-class "*CrashLoopTests" --show-live-output on</c>
/// (<c>COSTSYNC_CRASH_SEED</c> picks other points; <c>COSTSYNC_CRASH_KIND</c>, a <see cref="CrashPointKind"/>, kills only there).
/// </para>
/// </summary>
public sealed class CrashLoopTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    /// <summary>The normal test run's points: the most telling step of a run each, the Nth request still chosen by the seed.</summary>
    internal static readonly CrashPointKind[] DefaultKinds =
        [CrashPointKind.UploadCompleted, CrashPointKind.PartSent, CrashPointKind.LedgerFlushSent, CrashPointKind.SourceRead, CrashPointKind.ReportStored];

    public const int DefaultSeed = 20261124;
    private const string Prefix = "crash/";
    private const long MiB = 1024 * 1024;
    private const long MultipartThreshold = 6 * MiB;
    private const long PartSize = 5 * MiB;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan SweepAfter = TimeSpan.FromMilliseconds(1);
    private CliHarness _cli = null!;
    private S3FaultProxy _proxy = null!;
    private string _bucket = null!;
    private string _configFile = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _bucket = await swift.CreateBucketAsync(Ct);
        _proxy = await S3FaultProxy.StartAsync(swift, Ct);
        _cli.ToSwift(swift, _bucket);
        _cli.VaultHoldsSwiftKeys();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["CostSync:Destination:ServiceUrl"] = _proxy.ServiceUrl.ToString(),
            ["CostSync:Destination:Prefix"] = Prefix.TrimEnd('/'),
            ["CostSync:Destination:AbortIncompleteUploadsAfter"] = SweepAfter.ToString("c", CultureInfo.InvariantCulture),
            ["CostSync:Transfer:MultipartThresholdMiB"] = (MultipartThreshold / MiB).ToString(CultureInfo.InvariantCulture),
            ["CostSync:Transfer:PartSizeMiB"] = (PartSize / MiB).ToString(CultureInfo.InvariantCulture),
            ["CostSync:Transfer:MemoryBudgetMiB"] = "64",
            ["CostSync:Transfer:MaxConcurrentObjects"] = "2",
            ["CostSync:Transfer:MaxConcurrentParts"] = "3",
        })
        {
            _cli.Settings[key] = value;
        }

        _configFile = _cli.StateDirectory + "-config.json";
        Directory.CreateDirectory(Path.GetDirectoryName(_configFile)!);
        await File.WriteAllTextAsync(_configFile, "{}", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Emulator.Faults.Reset();
        await _proxy.DisposeAsync();
        await _cli.DisposeAsync();
        await swift.DeleteBucketAsync(_bucket, CancellationToken.None);
    }

    [Fact]
    public async Task Once_KilledWithSigkillAtSeededPoints_NextRunCompletesAndTheArchiveHoldsExactlyTheSource()
    {
        var points = Setting("COSTSYNC_CRASH_POINTS", DefaultKinds.Length);
        var curated = Environment.GetEnvironmentVariable("COSTSYNC_CRASH_POINTS") is null;
        var seed = Setting("COSTSYNC_CRASH_SEED", DefaultSeed);
        CrashPointKind? only = Enum.TryParse<CrashPointKind>(Environment.GetEnvironmentVariable("COSTSYNC_CRASH_KIND"), out var kind) ? kind : null;
        var random = new Random(seed);
        var source = new CrashLoopSource(_cli.Emulator.Objects);
        source.TrackExisting();
        await using var auditor = new ArchiveAuditor(swift, _bucket, Prefix);
        var kinds = new HashSet<CrashPointKind>();
        Report($"Crash loop: {points} SIGKILL points, seed {seed}");

        for (var i = 0; i < points; i++)
        {
            source.Mutate(random, i);
            var point = CrashPoint.Choose(random, source.Work(MultipartThreshold, PartSize), curated ? DefaultKinds[i] : only);
            var when = $"point {i + 1}/{points} ({point})";
            using var step = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            step.CancelAfter(StepTimeout);

            var reached = await ArmAsync(point, step.Token);
            using (var killed = CliProcess.Start(_cli.Settings, _configFile, "--once"))
            {
                await killed.UntilAsync(reached, step.Token);
                killed.Kill();
                await killed.WaitForExitAsync(step.Token);
            }

            await DisarmAsync(step.Token);
            await auditor.AssertOnlyCompleteObjectsVisibleAsync(source, $"{when}, after the kill", step.Token);
            await auditor.WaitUntilIncompleteUploadsAreStaleAsync(SweepAfter, step.Token);

            string output;
            using (var next = CliProcess.Start(_cli.Settings, _configFile, "--once"))
            {
                var exit = await next.WaitForExitAsync(step.Token);
                output = next.ToString();
                Assert.True(exit == 0, $"{when}: the run after the kill did not succeed: {output}");
            }

            var reports = await auditor.AssertArchiveEqualsSourceAsync(source, $"{when}, after the next run (its output: {output})", downloadEverything: false, step.Token);
            source.Archived();
            kinds.Add(point.Kind);
            Report($"{when}: killed; every visible object complete; next run exit 0; {reports} reports equal the source; no incomplete upload; ledger records all");
        }

        var total = await auditor.AssertArchiveEqualsSourceAsync(source, "after the loop, every object downloaded again", downloadEverything: true, Ct);
        Report($"Crash loop passed: {points} kills at {kinds.Count} kinds of point; {total} reports equal the source");
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>Sets the hold for <paramref name="point"/>; the task completes when the run is held there.</summary>
    private async Task<Task> ArmAsync(CrashPoint point, CancellationToken cancellationToken)
    {
        var faults = _cli.Emulator.Faults;
        var bucket = $"^/{_bucket}";
        var ours = $"{bucket}/{Prefix.TrimEnd('/')}/";
        S3FaultRule? rule = point.Kind switch
        {
            CrashPointKind.DestinationListing => new("hold") { Method = "GET", Path = $"{bucket}/?$", Query = "list-type" },
            CrashPointKind.StaleUploadSweep => new("hold") { Method = "GET", Query = "uploads" },
            CrashPointKind.UploadStarted => new("hold") { Method = "POST", Query = "uploads", Phase = "response" },
            CrashPointKind.PartSent => new("hold") { Method = "PUT", Query = "partNumber" },
            CrashPointKind.PartStored => new("hold") { Method = "PUT", Query = "partNumber", Phase = "response" },
            CrashPointKind.UploadCompleted => new("hold") { Method = "POST", Query = "uploadId", Phase = "response" },
            CrashPointKind.ReportStored => new("hold") { Method = "PUT", Query = "!partNumber", Path = ours + "(?!\\.costsync/)", Phase = "response" },
            CrashPointKind.SupersededCopied => new("hold") { Method = "PUT", Path = ours + "\\.costsync/superseded/", Phase = "response" },
            CrashPointKind.LedgerFlushSent => new("hold") { Method = "PUT", Path = ours + "\\.costsync/ledger/" },
            CrashPointKind.LedgerFlushStored => new("hold") { Method = "PUT", Path = ours + "\\.costsync/ledger/", Phase = "response" },
            _ => null,
        };
        if (rule is not null)
        {
            await _proxy.SetRulesAsync(1, cancellationToken, rule with { Id = point.ToString(), Skip = point.Nth - 1, Count = 1 });
            return _proxy.NextHoldAsync(cancellationToken).AsTask();
        }

        var hold = point.Kind switch
        {
            CrashPointKind.SourceListing => faults.HoldNth(Operations.ListObjects, point.Nth),
            CrashPointKind.SourceRead => faults.HoldNth(Operations.GetObject, point.Nth),
            CrashPointKind.SourceHead => faults.HoldNth(Operations.HeadObject, point.Nth),
            _ => throw new ArgumentOutOfRangeException(nameof(point), point, "no hold for this kind"),
        };
        return hold.WaitForArrivalsAsync(1, cancellationToken);
    }

    private async Task DisarmAsync(CancellationToken cancellationToken)
    {
        _cli.Emulator.Faults.Reset();
        await _proxy.ClearRulesAsync(cancellationToken);
        await _proxy.ReleaseAsync(cancellationToken);
    }
}
