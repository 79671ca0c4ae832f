using CostSync.OciEmulator.Tree;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Reliability;

/// <summary>
/// Faults on the S3 side: <c>CostSync --once</c> (in-process) writes to Swift through <c>tests/servers/s3faults.js</c>, which
/// throttles, resets, slows down or damages a share of the requests. Swift is read back directly.
/// </summary>
public sealed class S3FaultTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private CliHarness _cli = null!;
    private S3FaultProxy _proxy = null!;
    private SwiftArchive _archive = null!;
    private string _bucket = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct, BlingTreeOptions.None);
        _bucket = await swift.CreateBucketAsync(Ct);
        _proxy = await S3FaultProxy.StartAsync(swift, Ct);
        _cli.ToSwift(swift, _bucket);
        _cli.VaultHoldsSwiftKeys();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["CostSync:Destination:ServiceUrl"] = _proxy.ServiceUrl.ToString(),
            ["CostSync:Destination:Prefix"] = "oci",
            ["CostSync:Transfer:MultipartThresholdMiB"] = "6",
            ["CostSync:Transfer:PartSizeMiB"] = "5",
            ["CostSync:Transfer:MemoryBudgetMiB"] = "64",
            ["CostSync:Transfer:RetryDelay"] = "00:00:00.010",
        })
        {
            _cli.Settings[key] = value;
        }

        _archive = new SwiftArchive(swift, _bucket, "oci/");
    }

    public async ValueTask DisposeAsync()
    {
        _archive.Dispose();
        await _proxy.DisposeAsync();
        await _cli.DisposeAsync();
        await swift.DeleteBucketAsync(_bucket, CancellationToken.None);
    }

    [Fact]
    public async Task Once_TwentyPercentOfS3RequestsAnswer429Or503OrAreReset_SucceedsCountsEveryRetryAndStaysWithinTheBudget()
    {
        const int budget = 8;
        _cli.Settings["CostSync:Destination:MaxRetryAttempts"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "1";
        PutTree(smallReports: 60);
        await _proxy.SetRulesAsync(20261124, Ct,
            new S3FaultRule("status") { Id = "503", Status = 503, Code = "SlowDown", Probability = 0.07 },
            new S3FaultRule("status") { Id = "429", Status = 429, Code = "TooManyRequests", Probability = 0.075 },
            new S3FaultRule("reset") { Id = "reset", Probability = 0.08 });

        var result = await _cli.RunAsync(["--once"], Ct);

        var log = await _proxy.LogAsync(Ct);
        var injected = log.Count(r => r.Fault is not null);
        Assert.True(result.ExitCode == 0, $"{result}{Problems()}");
        Assert.True(injected > 10, $"only {injected} faults injected into {log.Count} requests");
        Assert.True(Summary().Contains($" OCI calls, {injected} S3 calls, 0 objects;", StringComparison.Ordinal), $"{injected} faults injected ({string.Join(", ", log.Where(r => r.Fault is not null).GroupBy(r => (r.Method, r.Rule)).Select(g => $"{g.Key}: {g.Count()}"))}); {Summary()}");
        Assert.Equal(injected, _cli.Logs.GetSnapshot().Count(r => r.Id.Name == "S3AttemptFailed"));
        var attempts = log.GroupBy(r => r.Identity).Max(g => g.Count());
        Assert.InRange(attempts, 2, budget + 1);
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
    }

    [Fact]
    public async Task Once_S3AlwaysAnswers503ToOneReport_TriesExactlyTheBudgetPerAttemptThenReportsItFailed()
    {
        _cli.Settings["CostSync:Destination:MaxRetryAttempts"] = "2";
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "2";
        var o = _cli.Emulator.Objects.Put("reports/cost-csv/0001-00001.csv.gz", new GeneratedContent(50_000, 1).ToArray());
        await _proxy.SetRulesAsync(1, Ct, new S3FaultRule("status") { Method = "PUT", Path = "/oci/reports/", Status = 503, Code = "ServiceUnavailable" });

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var puts = (await _proxy.LogAsync(Ct)).Where(r => r.Method == "PUT" && r.Path.Contains("/oci/reports/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 2, puts.Count);
        Assert.All(puts, r => Assert.Equal(503, r.StatusCode));
        Assert.Contains(" OCI calls, 4 S3 calls, 1 objects;", Summary(), StringComparison.Ordinal);
        Assert.Contains(o.Name, Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "ObjectFailed").Message, StringComparison.Ordinal);
        Assert.Empty(await _archive.ReportKeysAsync(Ct));
    }

    [Fact]
    public async Task Once_S3SlowWithSlowDownBursts_FinishesBacksOffAndStoresExactly()
    {
        PutTree(smallReports: 30);
        _cli.Settings["CostSync:Transfer:MaxConcurrentObjects"] = "3";
        _cli.Settings["CostSync:Transfer:MaxConcurrentParts"] = "3";
        await _proxy.SetRulesAsync(1, Ct,
            new S3FaultRule("status") { Id = "burst-parts", Method = "PUT", Query = "partNumber", Skip = 1, Count = 5, Status = 503, Code = "SlowDown" },
            new S3FaultRule("status") { Id = "burst-puts", Method = "PUT", Query = "!partNumber", Skip = 10, Count = 6, Status = 503, Code = "SlowDown" },
            new S3FaultRule("latency") { Ms = 40 });

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, $"{result}{Problems()}");
        var cuts = _cli.Logs.GetSnapshot().Where(r => r.Id.Name == "S3Throttled").ToList();
        Assert.NotEmpty(cuts);
        Assert.Contains(cuts, r => r.Message.Contains("at most 5 S3 requests at a time from now on, was 11", StringComparison.Ordinal));
        var slowDowns = (await _proxy.LogAsync(Ct)).Count(r => r.Rule is "burst-parts" or "burst-puts");
        Assert.Equal(11, slowDowns);
        // Every SlowDown is a counted retry; a loaded machine may add a timed-out attempt of its own, never fewer.
        var counted = System.Text.RegularExpressions.Regex.Match(Summary(), @" OCI calls, (\d+) S3 calls, 0 objects;");
        Assert.True(counted.Success && int.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= slowDowns, Summary());
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
    }

    [Theory]
    [InlineData("flip", "single")]
    [InlineData("flip", "part")]
    [InlineData("truncate", "single")]
    [InlineData("truncate", "part")]
    public async Task Once_UploadBodyDamagedOnTheWayToS3_IsRejectedRetriedAndStoredExactly(string damage, string request)
    {
        PutTree(smallReports: 2);
        await _proxy.SetRulesAsync(1, Ct, new S3FaultRule(damage) { Id = damage, Method = "PUT", Query = request == "part" ? "partNumber" : "!partNumber", Path = "/oci/[^.]", Count = 1 });

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, $"{result}{Problems()}");
        var damaged = Assert.Single(await _proxy.LogAsync(Ct), r => r.Rule == damage);
        Assert.NotEqual(200, damaged.StatusCode);
        await _archive.AssertHoldsExactlyAsync(_cli.Emulator.Objects.All, Ct);
        Assert.Empty(await _archive.IncompleteUploadsAsync(Ct));
    }

    private string Summary() => Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RunSummary").Message.Replace("\"", string.Empty, StringComparison.Ordinal);

    private string Problems() => string.Join(Environment.NewLine, _cli.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => $"{r.Id.Name}: {r.Message}"));

    /// <summary>Many small reports and a few copied in parts.</summary>
    private void PutTree(int smallReports)
    {
        for (var i = 0; i < smallReports; i++)
        {
            _cli.Emulator.Objects.Put($"reports/cost-csv/{9_000_000_000_000_000L + i}-00001.csv.gz", new GeneratedContent(1_000 + (i * 97), i).ToArray());
        }

        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/large-1.csv.gz", new GeneratedContent(7 * MiB, 1).ToArray());
        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/24/large-2.csv.gz", new GeneratedContent(16 * MiB, 2).ToArray(), multipart: true, partSize: 4 * MiB);
    }
}
