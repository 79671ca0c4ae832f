using System.Text.Json;
using CostSync.Evidence;
using CostSync.Hosting;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Evidence;

/// <summary>Each run's evidence through the real CLI: OCI emulator → engine → a local folder or Swift, evidence read back as an auditor would.</summary>
public sealed class EvidenceRecorderTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private CliHarness _cli = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Reports => _cli.Settings["CostSync:Destination:Path"]!;

    private string StateRuns => Path.Combine(_cli.StateDirectory, EvidenceStore.FolderName);

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _cli.ToDirectory();
        _cli.VaultHoldsSwiftKeys();
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_GoodRun_WritesJsonAndMarkdownToTheArchiveAndTheStateDirectory()
    {
        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var runId = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(StateRuns, "*.json")));
        var year = runId[..4];
        var archived = Path.Combine(Reports, ".costsync", "runs", year, runId + ".json");
        Assert.True(File.Exists(archived), archived);
        Assert.Equal(await File.ReadAllBytesAsync(archived, Ct), await File.ReadAllBytesAsync(Path.Combine(StateRuns, runId + ".json"), Ct));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(Reports, ".costsync", "runs", year, runId + ".md"), Ct),
            await File.ReadAllTextAsync(Path.Combine(StateRuns, runId + ".md"), Ct));

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(archived, Ct));
        var root = json.RootElement;
        var sources = _cli.Emulator.Objects.All;
        Assert.Equal(RunEvidence.CurrentSchema, root.GetProperty("schema").GetString());
        Assert.Equal(runId, root.GetProperty("runId").GetString());
        Assert.Equal("Succeeded", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("endedAt").GetDateTimeOffset() >= root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(BuildInfo.Current.Version, root.GetProperty("costSync").GetProperty("version").GetString());
        Assert.Equal(BuildInfo.Current.Commit, root.GetProperty("costSync").GetProperty("commit").GetString());
        Assert.Equal(Environment.MachineName, root.GetProperty("host").GetString());
        Assert.Equal("ApiKey", root.GetProperty("oci").GetProperty("kind").GetString());
        Assert.Equal(_cli.Emulator.TenancyId, root.GetProperty("oci").GetProperty("tenancy").GetString());
        Assert.Equal("0 */6 * * *", root.GetProperty("schedule").GetProperty("cron").GetString());
        var counts = root.GetProperty("counts");
        Assert.Equal(sources.Count, counts.GetProperty("listed").GetInt32());
        Assert.Equal(sources.Count, counts.GetProperty("copied").GetInt32());
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.Equal(0, counts.GetProperty("invalidContent").GetInt32());
        Assert.Equal(sources.Sum(o => o.Size), root.GetProperty("bytes").GetInt64());

        var objects = root.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal(sources.Select(o => o.Name).Order(StringComparer.Ordinal), objects.Keys.Order(StringComparer.Ordinal));
        foreach (var source in sources)
        {
            var o = objects[source.Name];
            var checks = o.GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal(source.Size, o.GetProperty("size").GetInt64());
            Assert.Equal(source.Name, o.GetProperty("key").GetString());
            Assert.Contains("DestinationContentMd5", checks);
            Assert.Equal(source.Size > 0 && source.Crc32c is not null, checks.Contains("OciCrc32c")); // an empty object is not read
            Assert.Equal(!source.IsMultipart, checks.Contains("OciMd5"));
            Assert.Equal(source.Crc32c, o.GetProperty("sourceCrc32c").GetString());
        }
    }

    [Fact]
    public async Task Once_GoodRun_MarkdownHasSummaryThenFailuresThenWarningsThenObjects()
    {
        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(StateRuns, "*.md")), Ct);
        var order = new[] { EvidenceMarkdown.SummaryHeading, EvidenceMarkdown.FailuresHeading, EvidenceMarkdown.WarningsHeading, EvidenceMarkdown.ObjectsHeading }
            .Select(h => markdown.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0, markdown));
        Assert.Equal(order.Order(), order);
        Assert.StartsWith("# CostSync run ", markdown, StringComparison.Ordinal);
        var summary = markdown[order[0]..order[1]];
        Assert.Contains($"| Copied (new) | {_cli.Emulator.Objects.Count} |", summary, StringComparison.Ordinal);
        Assert.Contains("| Invalid content | 0 |", summary, StringComparison.Ordinal);
        Assert.Contains($"| Tenancy | {_cli.Emulator.TenancyId} |", summary, StringComparison.Ordinal);
        Assert.Contains("None.", markdown[order[1]..order[2]], StringComparison.Ordinal);
        var objects = markdown[order[3]..];
        var first = _cli.Emulator.Objects.All.First(o => !o.IsMultipart && o.Size > 0 && o.Name.StartsWith("reports/", StringComparison.Ordinal));
        Assert.Contains($"| {first.Name} | {first.Size:N0} | OCI MD5, OCI CRC32C, Directory Content-MD5, Directory ETag, Directory full-object CRC32C | {first.Name} | - |", objects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_PartialRun_EvidenceNamesTheFailedObjectAndListsOnlyWhatWasArchived()
    {
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "1";
        _cli.Emulator.Faults.FlipByte(1);

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 3, result.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(StateRuns, "*.json")), Ct));
        var root = json.RootElement;
        Assert.Equal("PartiallyFailed", root.GetProperty("status").GetString());
        var failure = Assert.Single(root.GetProperty("failures").EnumerateArray());
        var failed = failure.GetProperty("name").GetString()!;
        Assert.Contains("damaged in transit", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("counts").GetProperty("failed").GetInt32());
        var objects = root.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Equal(_cli.Emulator.Objects.Count - 1, objects.Count);
        Assert.DoesNotContain(failed, objects);
        var runId = root.GetProperty("runId").GetString()!;
        var markdown = await File.ReadAllTextAsync(Path.Combine(Reports, ".costsync", "runs", runId[..4], runId + ".md"), Ct);
        var failures = markdown[markdown.IndexOf(EvidenceMarkdown.FailuresHeading, StringComparison.Ordinal)..markdown.IndexOf(EvidenceMarkdown.WarningsHeading, StringComparison.Ordinal)];
        Assert.Contains("damaged in transit", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_TwoRuns_EachHasItsOwnEvidenceAndTheFirstIsNeverRewritten()
    {
        var first = await _cli.RunAsync(["--once"], Ct);
        var runs = Path.Combine(Reports, ".costsync", "runs");
        var before = Directory.GetFiles(runs, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);

        var second = await _cli.RunAsync(["--once"], Ct);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, $"{first}{second}");
        var after = Directory.GetFiles(runs, "*", SearchOption.AllDirectories);
        Assert.Equal(4, after.Length);
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        var latest = after.Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !before.ContainsKey(f)).Single();
        using var json = JsonDocument.Parse(File.ReadAllBytes(latest));
        Assert.Equal(0, json.RootElement.GetProperty("counts").GetProperty("copied").GetInt32());
        Assert.Equal(_cli.Emulator.Objects.Count, json.RootElement.GetProperty("counts").GetProperty("skipped").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("objects").EnumerateArray());
    }

    [Fact]
    public async Task Once_DestinationUnreachable_FailedRunKeepsItsEvidenceInTheStateDirectoryWithAWarning()
    {
        _cli.ToSwift(swift, "cost-reports");
        _cli.Settings["CostSync:Destination:ServiceUrl"] = "http://127.0.0.1:1/";
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, "{\"accessKeyId\": \"AKIAEVIDENCEKEYID\", \"secretAccessKey\": \"evidence-secret-9f3kq\"}");

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        foreach (var file in Directory.GetFiles(StateRuns))
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            Assert.DoesNotContain("AKIAEVIDENCEKEYID", text, StringComparison.Ordinal);
            Assert.DoesNotContain("evidence-secret-9f3kq", text, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(StateRuns, "*.json")), Ct));
        var root = json.RootElement;
        Assert.Equal("Failed", root.GetProperty("status").GetString());
        Assert.Contains("did not answer", root.GetProperty("error").GetString(), StringComparison.Ordinal);
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("This run's evidence could not be written to the archive (S3 at `CostSync:Destination:ServiceUrl` = http://127.0.0.1:1/ did not answer", warning, StringComparison.Ordinal);
        var logged = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "EvidenceNotArchived");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, logged.Level);
        Assert.Null(logged.Exception);
        Assert.Contains(StateRuns, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_KeysCannotBeRead_EvidenceSaysTheRunNeverReachedTheDestination()
    {
        _cli.ToSwift(swift, "cost-reports");
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, "not json");

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var markdown = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(StateRuns, "*.md")), Ct);
        Assert.Contains("| Status | Failed |", markdown, StringComparison.Ordinal);
        Assert.Contains("- This run's evidence could not be written to the archive (the run did not get as far as the destination)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ArchiveRefusesTheWrite_RunStillSucceedsAndTheWarningIsInTheStateCopy()
    {
        // The engine and destination are fakes: the run succeeds, and the destination refuses every request.
        using var harness = new HostHarness();

        var outcome = await harness.Get<RunCoordinator>().RunOnceAsync(Ct);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        var folder = Path.Combine(harness.StateDirectory, EvidenceStore.FolderName);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, outcome.Result!.RunId + ".json"), Ct));
        Assert.Equal("Succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("could not be written to the archive", Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "EvidenceNotArchived");
    }
}
