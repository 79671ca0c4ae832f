using System.Globalization;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Reliability;

/// <summary>
/// Faults on the OCI side, injected by the emulator into <c>CostSync --once</c> (in-process) copying to Swift: throttling and
/// resets on a share of all requests, damaged source bodies on every kind of source, objects that vanish or change between the
/// listing and the read, and instance-principal credentials that expire and rotate mid-run. Swift is read back directly.
/// </summary>
public sealed class OciFaultTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private CliHarness _cli = null!;
    private SwiftArchive _archive = null!;
    private string _bucket = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct, BlingTreeOptions.None);
        _bucket = await swift.CreateBucketAsync(Ct);
        _cli.ToSwift(swift, _bucket);
        _cli.VaultHoldsSwiftKeys();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["CostSync:Destination:Prefix"] = "oci",
            ["CostSync:Transfer:MultipartThresholdMiB"] = "6",
            ["CostSync:Transfer:PartSizeMiB"] = "5",
            ["CostSync:Transfer:MemoryBudgetMiB"] = "64",
            ["CostSync:Transfer:RetryDelay"] = "00:00:00.010",
            ["CostSync:Transfer:StallTimeout"] = "00:00:01",
            ["CostSync:Oci:Retry:BaseDelay"] = "00:00:00.005",
            ["CostSync:Oci:Retry:MaxDelay"] = "00:00:00.050",
        })
        {
            _cli.Settings[key] = value;
        }

        _archive = new SwiftArchive(swift, _bucket, "oci/");
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Emulator.Faults.Reset();
        _archive.Dispose();
        await _cli.DisposeAsync();
        await swift.DeleteBucketAsync(_bucket, CancellationToken.None);
    }

    [Fact]
    public async Task Once_TwentyPercentOfOciRequestsAnswer429Or503OrAreReset_SucceedsCountsEveryRetryAndStaysWithinTheBudget()
    {
        const int budget = 8;
        _cli.Settings["CostSync:Oci:Retry:MaxRetryAttempts"] = budget.ToString(CultureInfo.InvariantCulture);
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "1";
        PutTree(smallReports: 120);
        _cli.Emulator.Faults.FailRandomly(0.2, 20261124, [InjectedFault.TooManyRequests, InjectedFault.ServiceUnavailable, InjectedFault.ConnectionReset]);

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, $"{result}{Problems()}");
        var entries = _cli.Emulator.Requests.Entries;
        var injected = entries.Count(e => e.Fault != InjectedFault.None);
        Assert.True(injected > 20, $"only {injected} faults injected into {entries.Count} requests");
        Assert.True(Summary().Contains($"retried {injected} OCI calls, ", StringComparison.Ordinal), $"{injected} faults injected: {string.Join(", ", entries.Where(e => e.Fault != InjectedFault.None).GroupBy(e => (e.Operation, e.Fault)).Select(g => $"{g.Key}: {g.Count()}"))}; {Summary()}");
        Assert.Equal(injected, _cli.Logs.GetSnapshot().Count(r => r.Id.Name == "Retrying"));
        var attempts = entries.GroupBy(e => (e.Method, e.Path, e.Query, e.Range)).Max(g => g.Count());
        Assert.InRange(attempts, 2, budget + 1);
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
    }

    [Fact]
    public async Task Once_OciAlwaysAnswers503ToReads_TriesExactlyTheBudgetPerAttemptThenReportsTheObjectFailed()
    {
        _cli.Settings["CostSync:Oci:Retry:MaxRetryAttempts"] = "3";
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "2";
        var o = _cli.Emulator.Objects.Put("reports/cost-csv/0001-00001.csv.gz", new GeneratedContent(50_000, 1).ToArray());
        _cli.Emulator.Faults.FailEveryNth(1, System.Net.HttpStatusCode.ServiceUnavailable, Operations.GetObject);

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal((3 + 1) * 2, _cli.Emulator.Requests.Count(Operations.GetObject));
        Assert.Contains("retried 6 OCI calls, ", Summary(), StringComparison.Ordinal);
        Assert.Contains(" S3 calls, 1 objects;", Summary(), StringComparison.Ordinal);
        Assert.Contains(o.Name, Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "ObjectFailed").Message, StringComparison.Ordinal);
        Assert.Empty(await _archive.ReportKeysAsync(Ct));
    }

    public static TheoryData<string, string> BodyFaults() => new()
    {
        { nameof(InjectedFault.Truncated), "single" },
        { nameof(InjectedFault.Truncated), "uploaded in parts" },
        { nameof(InjectedFault.Truncated), "copied in parts" },
        { nameof(InjectedFault.Stalled), "single" },
        { nameof(InjectedFault.Stalled), "uploaded in parts" },
        { nameof(InjectedFault.Stalled), "copied in parts" },
        { nameof(InjectedFault.FlippedByte), "single" },
        { nameof(InjectedFault.FlippedByte), "uploaded in parts" },
        { nameof(InjectedFault.FlippedByte), "copied in parts" },
    };

    [Theory]
    [MemberData(nameof(BodyFaults))]
    public async Task Once_OneSourceReadTruncatedStalledOrFlipped_IsDetectedRetriedAndStoredExactly(string damage, string shape)
    {
        var fault = Enum.Parse<InjectedFault>(damage);
        var o = PutShape(shape);
        Damage(fault, reads: 1);

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(_cli.Emulator.Requests.Entries, e => e.Fault == fault);
        Assert.Contains("retried 0 OCI calls, ", Summary(), StringComparison.Ordinal);
        Assert.Contains(" S3 calls, 1 objects;", Summary(), StringComparison.Ordinal);
        Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "CopyAttemptFailed");
        await _archive.AssertHoldsExactlyAsync([_cli.Emulator.Objects.All.Single(x => x.Name == o)], Ct);
    }

    [Theory]
    [InlineData(nameof(InjectedFault.Truncated), "single")]
    [InlineData(nameof(InjectedFault.Stalled), "copied in parts")]
    [InlineData(nameof(InjectedFault.FlippedByte), "single")]
    [InlineData(nameof(InjectedFault.FlippedByte), "copied in parts")]
    [InlineData(nameof(InjectedFault.Truncated), "copied in parts")]
    public async Task Once_EverySourceReadDamaged_ReportsTheObjectFailedOnceAndStoresNothing(string damage, string shape)
    {
        var fault = Enum.Parse<InjectedFault>(damage);
        var o = PutShape(shape);
        Damage(fault, reads: 1000);

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var failed = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "ObjectFailed" && r.Category == "CostSync.Hosting.RunCoordinator");
        Assert.Contains(o, failed.Message, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Logs.GetSnapshot().Count(r => r.Id.Name == "CopyAttemptFailed"));
        Assert.Contains("retried 0 OCI calls, ", Summary(), StringComparison.Ordinal);
        Assert.Contains(" S3 calls, 2 objects;", Summary(), StringComparison.Ordinal);
        Assert.Empty(await _archive.ReportKeysAsync(Ct));
        Assert.Empty(await _archive.IncompleteUploadsAsync(Ct));
        Assert.Contains(o, Assert.Single(_cli.Emulator.Notifications.Messages).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ListedObjectsVanishOrChangeBeforeTheyAreRead_ReportsEachOnceWithoutRetryingAndTheNextRunCopiesTheNewVersions()
    {
        var names = new[] { "gone-single.csv.gz", "gone-in-parts.csv.gz", "changed-single.csv.gz", "changed-in-parts.csv.gz", "fine-1.csv.gz", "fine-2.csv.gz" }
            .Select(n => "FOCUS Reports/2026/11/24/" + n).ToArray();
        foreach (var name in names)
        {
            _cli.Emulator.Objects.Put(name, new GeneratedContent(name.Contains("in-parts", StringComparison.Ordinal) ? 7 * MiB : 90_000, name.Length).ToArray());
        }

        _cli.Emulator.Faults.BeforeFirstRead(names[0], () => _cli.Emulator.Objects.Remove(names[0]));
        _cli.Emulator.Faults.BeforeFirstRead(names[1], () => _cli.Emulator.Objects.Remove(names[1]));
        _cli.Emulator.Faults.BeforeFirstRead(names[2], () => _cli.Emulator.Objects.Put(names[2], new GeneratedContent(80_000, 2).ToArray()));
        _cli.Emulator.Faults.BeforeFirstRead(names[3], () => _cli.Emulator.Objects.Put(names[3], new GeneratedContent(8 * MiB, 3).ToArray()));

        var first = await _cli.RunAsync(["--once"], Ct);

        Assert.True(first.ExitCode == 3, first.ToString());
        Assert.StartsWith("Run ", Summary(), StringComparison.Ordinal);
        Assert.Contains("PartiallyFailed: 6 listed, 2 copied, 0 changed, 0 unchanged, 2 failed, 0 deleted, 2 gone from the source", Summary(), StringComparison.Ordinal);
        Assert.Contains("retried 0 OCI calls, ", Summary(), StringComparison.Ordinal);
        Assert.Contains(" S3 calls, 0 objects;", Summary(), StringComparison.Ordinal);
        foreach (var name in names[..4])
        {
            // One read each (a GET, or the HEAD that starts a copy in parts): a 404 or 412 is never retried.
            var path = "/o/" + Uri.EscapeDataString(name);
            Assert.Equal(1, _cli.Emulator.Requests.Entries.Count(e => e.Path.EndsWith(path, StringComparison.Ordinal) && e.Operation is Operations.GetObject or Operations.HeadObject));
        }

        var logs = _cli.Logs.GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Id.Name == "SourceGone"));
        foreach (var name in names[..4])
        {
            // No storm: one line per object at Information and above (gone: Information; changed: one Warning).
            var lines = logs.Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Information && r.Message.Contains(name, StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count == 1, string.Join(Environment.NewLine, lines.Select(r => $"{r.Id.Name}: {r.Message}")));
        }

        var changed = logs.Where(r => r.Id.Name == "ObjectFailed" && r.Category == "CostSync.Hosting.RunCoordinator").ToList();
        Assert.Equal(2, changed.Count);
        Assert.All(changed, r => Assert.Contains("The source changed while it was being copied", r.Message, StringComparison.Ordinal));
        // The run's alert (the generated reports are not gzip, so a "report content" message comes too).
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages, m => m.Title?.Contains("invalid content", StringComparison.Ordinal) != true);
        Assert.Contains("The source changed while it was being copied", alert.Body, StringComparison.Ordinal);
        Assert.Equal(["fine-1.csv.gz", "fine-2.csv.gz"], (await _archive.ReportKeysAsync(Ct)).Select(k => k[(k.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));

        var second = await _cli.RunAsync(["--once"], Ct);

        Assert.True(second.ExitCode == 0, second.ToString());
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
    }

    [Fact]
    public async Task Once_InstancePrincipalTokensExpireAndTheCertificateRotatesMidRun_TheRunContinues()
    {
        _cli.Settings["CostSync:Oci:Auth"] = "InstancePrincipal";
        PutTree(smallReports: 6);
        var held = _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/zz-last.csv.gz", new GeneratedContent(9 * MiB, 9).ToArray(), multipart: true, partSize: 3 * MiB);
        _cli.Settings["CostSync:Transfer:MaxConcurrentObjects"] = "1";
        var hold = _cli.Emulator.Faults.HoldGets(held.Name);

        var run = _cli.RunAsync(["--once"], Ct);
        await Task.WhenAny(hold.WaitForArrivalsAsync(1, Ct), run);
        Assert.False(run.IsCompleted, run.IsCompleted ? (await run).ToString() : null);
        var federationsBefore = _cli.Emulator.Requests.Count(Operations.Federation);
        _cli.Emulator.Faults.ExpireAllTokens();
        _cli.Emulator.Faults.RotateInstanceCertificate();
        hold.Release();
        var result = await run;

        Assert.True(result.ExitCode == 0, string.Join(Environment.NewLine, [
            result.ToString(),
            .. _cli.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => $"{r.Level} {r.Id.Name}: {r.Message}"),
            .. _cli.Emulator.Requests.Entries.Where(e => e.Status >= 400).Select(e => $"{e.Operation} {e.Path} {e.Status}")]));
        Assert.True(federationsBefore >= 1, "the run started with a federated token");
        Assert.True(_cli.Emulator.Requests.Count(Operations.Federation) > federationsBefore, "the run obtained a new token after the rotation");
        Assert.Contains(_cli.Emulator.Requests.Entries, e => e.Status == 401);
        Assert.Contains(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RefreshingAfterUnauthorized");
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
    }

    /// <summary>The run's summary line (the test logger quotes string values; the quotes are dropped).</summary>
    private string Summary() => Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RunSummary").Message.Replace("\"", string.Empty, StringComparison.Ordinal);

    /// <summary>What the run logged at Warning and above, for failure messages.</summary>
    private string Problems() => string.Join(Environment.NewLine, _cli.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => $"{r.Id.Name}: {r.Message}"));

    private void Damage(InjectedFault fault, int reads)
    {
        switch (fault)
        {
            case InjectedFault.Truncated:
                _cli.Emulator.Faults.TruncateBodies(reads);
                break;
            case InjectedFault.Stalled:
                _cli.Emulator.Faults.StallBodies(reads);
                break;
            case InjectedFault.FlippedByte:
                _cli.Emulator.Faults.FlipByte(reads);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a body fault");
        }
    }

    /// <summary>One report: read whole and checked by MD5; uploaded to OCI in parts (CRC-32C only) and copied in one PUT; or copied in parts.</summary>
    private string PutShape(string shape) => shape switch
    {
        "single" => _cli.Emulator.Objects.Put("reports/cost-csv/0001-00001.csv.gz", new GeneratedContent(200_000, 1).ToArray()).Name,
        "uploaded in parts" => _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/uploaded-in-parts.csv.gz", new GeneratedContent(300_000, 2).ToArray(), multipart: true, partSize: 100_000).Name,
        "copied in parts" => _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/copied-in-parts.csv.gz", new GeneratedContent(8 * MiB, 3).ToArray(), multipart: true, partSize: 3 * MiB).Name,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>Many small reports and a few copied in parts (one of them uploaded to OCI in parts).</summary>
    private void PutTree(int smallReports)
    {
        for (var i = 0; i < smallReports; i++)
        {
            _cli.Emulator.Objects.Put($"reports/cost-csv/{9_000_000_000_000_000L + i}-00001.csv.gz", new GeneratedContent(1_000 + (i * 97), i).ToArray());
        }

        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/large-1.csv.gz", new GeneratedContent(7 * MiB, 1).ToArray());
        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/large-2.csv.gz", new GeneratedContent(11 * MiB, 2).ToArray(), multipart: true, partSize: 4 * MiB);
    }
}
