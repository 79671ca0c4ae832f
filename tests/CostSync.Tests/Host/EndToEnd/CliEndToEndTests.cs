using Amazon.S3.Model;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>The CLI end to end: OCI emulator (signatures checked) → real OCI client and engine → Swift S3, Vault keys and ONS alerts through the emulator.</summary>
public sealed class CliEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private CliHarness _cli = null!;
    private string _bucket = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli = await CliHarness.StartAsync(ct);
        _bucket = await swift.CreateBucketAsync(ct);
        _cli.ToSwift(swift, _bucket);
        // Keys as an operator pastes them: trailing newline and spaces.
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, $"{{\"accessKeyId\": \"{SwiftS3Fixture.AccessKey}\\n\", \"secretAccessKey\": \" {SwiftS3Fixture.SecretKey} \"}}\n");
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_EmulatorToSwift_CopiesEverythingThenNothing()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await _cli.RunAsync(["--once"], ct);
        var second = await _cli.RunAsync(["--once"], ct);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(await KeysAsync(ct), k => k.StartsWith("FOCUS Reports/", StringComparison.Ordinal));
        var summaries = _cli.Logs.GetSnapshot().Where(r => r.Id.Name == "RunSummary").Select(r => r.Message).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains(" 0 copied, 0 changed", summaries[1], StringComparison.Ordinal);
        Assert.Empty(_cli.Emulator.Notifications.Messages);
        Assert.All(_cli.Logs.GetSnapshot(), r =>
        {
            var line = $"{r.Message} {r.Exception} {string.Join(' ', r.StructuredState ?? [])}";
            Assert.DoesNotContain(SwiftS3Fixture.AccessKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(SwiftS3Fixture.SecretKey, line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Once_WithAPrefix_StartLineNamesTheBucketAndThePrefix()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Settings["CostSync:Destination:Prefix"] = "finance/oci";

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var start = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "RunStarting");
        Assert.Equal($"s3://{_bucket}/finance/oci/", Assert.Single(start.StructuredState!, kv => kv.Key == "Destination").Value);
    }

    [Fact]
    public async Task Once_OneObjectCorruptedInTransit_ExitsPartiallyFailedAndAlerts()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Settings["CostSync:Transfer:MaxAttempts"] = "1";
        _cli.Emulator.Faults.FlipByte(1);

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 3, result.ToString());
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.Matches(@"^CostSync PARTIALLY FAILED on .+: 1 of \d+ objects$", alert.Title);
        Assert.Contains("Errors (first 1 of 1):", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_FailureStreakThenRecovery_SendsOneAlertThenOneRecovery()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, "{\"accessKeyId\": \"test:tester\", \"secretAccessKey\": \"wrong\"}");

        var failed1 = await _cli.RunAsync(["--once"], ct);
        var failed2 = await _cli.RunAsync(["--once"], ct);
        _cli.VaultHoldsSwiftKeys();
        var recovered = await _cli.RunAsync(["--once"], ct);

        Assert.True(failed1.ExitCode is 1 or 3, failed1.ToString());
        Assert.True(failed2.ExitCode is 1 or 3, failed2.ToString());
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        var titles = _cli.Emulator.Notifications.Messages.Select(m => m.Title).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Contains("FAILED on", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("CostSync recovered on", titles[1], StringComparison.Ordinal);
        Assert.All(_cli.Emulator.Notifications.Messages, m => Assert.DoesNotContain("wrong", m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_AnotherProcessHoldsTheLock_ExitsFourAndNamesTheHolder()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_cli.StateDirectory);
        await File.WriteAllTextAsync(Path.Combine(_cli.StateDirectory, "costsync.lock.owner"), "pid 4242 on vm-1 since 2026-11-24 06:00:00Z", ct);
        await using var held = new FileStream(Path.Combine(_cli.StateDirectory, "costsync.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains(_cli.Logs.GetSnapshot(), r => r.Id.Name == "LockHeld" && r.Message.Contains("pid 4242 on vm-1", StringComparison.Ordinal));
        Assert.Empty(await KeysAsync(ct));
    }

    [Fact]
    public async Task Once_StateDirectoryCannotBeCreated_ExitsTwoWithOneLineNamingTheKey()
    {
        var ct = TestContext.Current.CancellationToken;
        var blocker = Path.Combine(_cli.StateDirectory + "-parent-is-a-file");
        await File.WriteAllTextAsync(blocker, "not a folder", ct);
        _cli.Settings["CostSync:StateDirectory"] = Path.Combine(blocker, "state");

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(result.BootstrapLines, l => l.Contains("`CostSync:StateDirectory`", StringComparison.Ordinal));
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Empty(await KeysAsync(ct));
    }

    [Fact]
    public async Task Once_InvalidConfiguration_ExitsTwoNamingEveryProblemBeforeAnythingRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Settings["CostSync:Schedule:Cron"] = "0 */6 * *";
        _cli.Settings["CostSync:Destination:Bucket"] = "Not_A_Bucket";

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.BootstrapLines, l => l.Contains("`CostSync:Schedule:Cron` = `0 */6 * *` is not a cron expression", StringComparison.Ordinal));
        Assert.Contains(result.BootstrapLines, l => l.Contains("`CostSync:Destination:Bucket` = `Not_A_Bucket`", StringComparison.Ordinal));
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Empty(_cli.Emulator.Requests.Entries);
    }

    [Fact]
    public async Task DryRun_Json_PrintsThePlanAndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await _cli.RunAsync(["--once", "--dry-run", "--json"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var plan = System.Text.Json.JsonDocument.Parse(result.Output);
        var items = plan.RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() > 0);
        Assert.All(items.EnumerateArray(), i => Assert.Equal("CopyNew", i.GetProperty("action").GetString()));
        Assert.Equal(items.GetArrayLength(), plan.RootElement.GetProperty("totals").GetProperty("copyNew").GetInt32());
        Assert.Empty(await KeysAsync(ct));
        Assert.False(File.Exists(Path.Combine(_cli.StateDirectory, "last-run.json")));
    }

    [Fact]
    public async Task Doctor_EverythingReachable_HasNoFailAndPublishesTestAlert()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await _cli.RunAsync(["doctor", "--send-test-alert"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("FAIL", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK    bling list", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK    destination write", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK    S3 encryption", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK    S3 checksums        Destination:Checksum = Md5Only", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK    alerts (ONS)", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("CostSync test alert from", Assert.Single(_cli.Emulator.Notifications.Messages).Title, StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(ct));
        Assert.DoesNotContain(SwiftS3Fixture.SecretKey, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    // Vault secret malformed
    [InlineData("vault", "FAIL  AWS credentials")]
    // bucket missing on the S3 side
    [InlineData("bucket", "FAIL  destination write")]
    // ONS topic unknown
    [InlineData("topic", "FAIL  alerts (ONS)")]
    // bling not visible (wrong bucket, like a missing endorse policy)
    [InlineData("bling", "FAIL  bling list")]
    public async Task Doctor_OneThingBroken_FailsThatCheckAndExitsOne(string broken, string line)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (broken)
        {
            case "vault": _cli.Emulator.Secrets.Set(CliHarness.SecretId, "AKIA secret with spaces"); break;
            case "bucket": _cli.Settings["CostSync:Destination:Bucket"] = "costsync-missing-" + Guid.NewGuid().ToString("N")[..8]; break;
            case "topic": _cli.Settings["CostSync:Alerts:TopicId"] = "ocid1.onstopic.oc1.iad.unknown"; break;
            default: _cli.Settings["CostSync:Source:Bucket"] = "ocid1.tenancy.oc1..someoneelse"; break;
        }

        var result = await _cli.RunAsync(["doctor", "--json", "--send-test-alert"], ct);
        var text = await _cli.RunAsync(["doctor", "--send-test-alert"], ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(line, text.Output, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Contains(json.RootElement.EnumerateArray(), c => c.GetProperty("status").GetString() == "Fail");
        Assert.DoesNotContain("secret with spaces", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ApiKey_PrintsTableAndJson()
    {
        var ct = TestContext.Current.CancellationToken;

        var table = await _cli.RunAsync(["list", "--prefix", "reports/cost-csv/"], ct);
        var json = await _cli.RunAsync(["list", "--json"], ct);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("reports/cost-csv/", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FOCUS Reports/", table.Output, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Contains(document.RootElement.EnumerateArray(), o => o.GetProperty("multipart").GetBoolean());
        // Names and base64 MD5s are printed as they are, for people and jq: no \u002B for '+'.
        Assert.Contains("a+b & c~d", json.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BucketNotVisible_OneClearLineAndExitOne()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Settings["CostSync:Source:Bucket"] = "ocid1.tenancy.oc1..someoneelse";

        var result = await _cli.RunAsync(["list"], ct);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "CommandFailed");
        Assert.Contains("home region", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(error.Exception);
    }

    [Fact]
    public async Task TestAlert_TopicConfigured_PublishesOneMessage()
    {
        var ct = TestContext.Current.CancellationToken;

        var sent = await _cli.RunAsync(["test-alert"], ct);
        _cli.Settings["CostSync:Alerts:TopicId"] = null;
        var notConfigured = await _cli.RunAsync(["test-alert"], ct);

        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Equal(CliHarness.TopicId, Assert.Single(_cli.Emulator.Notifications.Messages).TopicId);
        Assert.Equal(1, notConfigured.ExitCode);
    }

    private async Task<IReadOnlyList<string>> KeysAsync(CancellationToken cancellationToken)
    {
        using var client = swift.CreateClient();
        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, cancellationToken);
        return [.. (response.S3Objects ?? []).Select(o => o.Key).Where(k => !k.StartsWith(".costsync/", StringComparison.Ordinal))];
    }
}
