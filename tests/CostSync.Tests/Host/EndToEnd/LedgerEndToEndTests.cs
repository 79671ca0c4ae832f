using CostSync.OciEmulator;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// The ledger with real processes (<c>dotnet CostSync.dll --once</c>) against the OCI emulator and Swift: two VMs on one prefix at
/// the same time, and a run killed with SIGKILL between its copies and its ledger write.
/// </summary>
public sealed class LedgerEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string Prefix = "oci/";
    private CliHarness _cli = null!;
    private string _bucket = null!;
    private string _configFile = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _bucket = await swift.CreateBucketAsync(Ct);
        _cli.ToSwift(swift, _bucket);
        _cli.Settings["CostSync:Destination:Prefix"] = "oci";
        _cli.VaultHoldsSwiftKeys();
        _configFile = Path.Combine(_cli.StateDirectory + "-config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(_configFile)!);
        await File.WriteAllTextAsync(_configFile, "{}", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Emulator.Faults.Reset();
        await _cli.DisposeAsync();
    }

    [Fact]
    public async Task Once_TwoProcessesOnOnePrefixAtOnce_EveryArchivedReportHasALedgerEntry()
    {
        // Each VM has its share; each is held inside its run (ledger read, copies under way) until both are.
        var names = _cli.Emulator.Objects.All.Select(o => o.Name).ToList();
        var holdA = _cli.Emulator.Faults.HoldGets(names.First(n => n.StartsWith("reports/", StringComparison.Ordinal)));
        var holdB = _cli.Emulator.Faults.HoldGets(names.First(n => !n.StartsWith("reports/", StringComparison.Ordinal)));
        using var a = CliProcess.Start(Settings("vm-a", ["CostSync:Source:Include:0", "reports/**"]), _configFile, "--once");
        using var b = CliProcess.Start(Settings("vm-b", ["CostSync:Source:Exclude:0", "reports/**"]), _configFile, "--once");

        await Task.WhenAll(a.UntilAsync(holdA.WaitForArrivalsAsync(1, Ct), Ct), b.UntilAsync(holdB.WaitForArrivalsAsync(1, Ct), Ct));
        holdA.Release();
        holdB.Release();
        var exits = await Task.WhenAll(a.WaitForExitAsync(Ct), b.WaitForExitAsync(Ct));

        Assert.True(exits[0] == 0, a.ToString());
        Assert.True(exits[1] == 0, b.ToString());
        var (archived, recorded) = await ArchiveAsync();
        Assert.Equal(names.Select(n => Prefix + n).Order(StringComparer.Ordinal), archived.Order(StringComparer.Ordinal));
        Assert.All(archived, k => Assert.Contains(k, recorded));
    }

    [Fact]
    public async Task Once_ProcessKilledAfterSomeCopies_NextRunRecordsEveryArchivedReportWithoutCopyingAgain()
    {
        _cli.Settings["CostSync:Transfer:MaxConcurrentObjects"] = "1";
        var setup = await _cli.RunAsync(["--once"], Ct);
        Assert.True(setup.ExitCode == 0, setup.ToString());
        string[] arrived = ["reports/cost-csv/9000000000000001-00001.csv.gz", "reports/cost-csv/9000000000000002-00001.csv.gz", "reports/cost-csv/9000000000000003-00001.csv.gz", "reports/cost-csv/9000000000000004-00001.csv.gz"];
        foreach (var name in arrived)
        {
            _cli.Emulator.Objects.Put(name, new GeneratedContent(40_000, name.Length + name[^10]).ToArray());
        }

        var held = _cli.Emulator.Objects.Put("reports/cost-csv/9999999999999999-00001.csv.gz", new GeneratedContent(40_000, 99).ToArray(), multipart: true);
        var hold = _cli.Emulator.Faults.HoldGets(held.Name);
        using (var killed = CliProcess.Start(Settings("vm-a"), _configFile, "--once"))
        {
            // One object at a time in name order: when the last one is requested, the others are archived but not yet recorded.
            await killed.UntilAsync(hold.WaitForArrivalsAsync(1, Ct), Ct);
            killed.Kill();
            await killed.WaitForExitAsync(Ct);
        }

        hold.Release();
        var (archivedBefore, recordedBefore) = await ArchiveAsync();
        Assert.All(arrived, n => Assert.Contains(Prefix + n, archivedBefore));
        Assert.Contains(archivedBefore, k => !recordedBefore.Contains(k));
        _cli.Emulator.Requests.Clear();

        using var clean = CliProcess.Start(Settings("vm-a"), _configFile, "--once");
        var exit = await clean.WaitForExitAsync(Ct);

        Assert.True(exit == 0, clean.ToString());
        var (archived, recorded) = await ArchiveAsync();
        Assert.Equal(_cli.Emulator.Objects.All.Select(o => Prefix + o.Name).Order(StringComparer.Ordinal), archived.Order(StringComparer.Ordinal));
        Assert.All(archived, k => Assert.Contains(k, recorded));
        Assert.Equal(1, _cli.Emulator.Requests.Count(Operations.GetObject));
        // Each adoption line carries the run that adopted (grep by run id finds it), and names the run that copied.
        var runTag = System.Text.RegularExpressions.Regex.Match(clean.Output, @"(\[\S+\]) Run \S+ starting").Groups[1].Value;
        var adopted = clean.Output.Split('\n').Where(l => l.Contains(" Adopted ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adopted);
        Assert.All(adopted, l => Assert.Contains($"] {runTag} Adopted ", l, StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Settings(string vm, params string[][] extra)
    {
        var settings = new Dictionary<string, string?>(_cli.Settings) { ["CostSync:StateDirectory"] = Path.Combine(_cli.StateDirectory, vm) };
        foreach (var pair in extra)
        {
            settings[pair[0]] = pair[1];
        }

        return settings;
    }

    /// <summary>The reports at the destination and the keys the ledger records, as an auditor would read them.</summary>
    private async Task<(List<string> Archived, HashSet<string> Recorded)> ArchiveAsync()
    {
        await using var destination = new S3Destination(swift.CreateClient(), _bucket, swift.Options(_bucket), ownsClient: true);
        var archived = new List<string>();
        await foreach (var o in destination.ListObjectsAsync(Prefix, Ct))
        {
            if (!o.Key.StartsWith(Prefix + ".costsync/", StringComparison.Ordinal))
            {
                archived.Add(o.Key);
            }
        }

        return (archived, await LedgerContents.RecordedKeysAsync(destination, Prefix, Ct));
    }
}
