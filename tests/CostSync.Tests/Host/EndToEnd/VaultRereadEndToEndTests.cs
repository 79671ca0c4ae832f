using Amazon.S3.Model;
using CostSync.OciEmulator;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>S3 answers 403 (Swift rejects the SigV4 signature of a wrong secret key) → the run re-reads the keys from Vault once.</summary>
public sealed class VaultRereadEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string WrongSecret = "Wr0ngSecretKeyE2e";
    private static readonly string WrongKeys = $"{{\"accessKeyId\": \"{SwiftS3Fixture.AccessKey}\", \"secretAccessKey\": \"{WrongSecret}\"}}";
    private static readonly string RightKeys = $"{{\"accessKeyId\": \"{SwiftS3Fixture.AccessKey}\", \"secretAccessKey\": \"{SwiftS3Fixture.SecretKey}\"}}";
    private CliHarness _cli = null!;
    private string _bucket = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli = await CliHarness.StartAsync(ct);
        _bucket = await swift.CreateBucketAsync(ct);
        _cli.ToSwift(swift, _bucket);
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, WrongKeys);
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_KeysRotatedAfterTheFirstRead_RereadsOnceAndSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        // Rotation in Vault right after the run has read the (wrong) keys: the re-read after the 403 gets the new version.
        _cli.Emulator.Secrets.OnRead = v =>
        {
            if (v.VersionNumber == 1)
            {
                _cli.Emulator.Secrets.Set(CliHarness.SecretId, RightKeys);
            }
        };

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, _cli.Emulator.Requests.Count(Operations.GetSecretBundle));
        Assert.Contains(_cli.Logs.GetSnapshot(), r => r.Id.Name == "AccessDeniedRetry");
        var keys = await KeysAsync(ct);
        Assert.Contains(keys, k => k.StartsWith("FOCUS Reports/", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("reports/cost-csv/", StringComparison.Ordinal));
        Assert.Empty(_cli.Emulator.Notifications.Messages);
    }

    [Fact]
    public async Task Once_KeysStayWrong_ReadsTwiceExitsOneWithoutTheKeysInAnyMessage()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(2, _cli.Emulator.Requests.Count(Operations.GetSecretBundle));
        var unchanged = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "AccessDeniedSameKeys");
        Assert.Contains("keys in Vault are unchanged", unchanged.Message, StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(ct));
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.Contains("FAILED on", alert.Title, StringComparison.Ordinal);
        Assert.Contains("S3 denied access (SignatureDoesNotMatch)", alert.Body, StringComparison.Ordinal);
        // The evidence cannot be archived either (its first request is a HEAD, whose 403 has no error code): that says S3 refused too.
        Assert.Contains("S3 denied access (403 Forbidden, without details", Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "EvidenceNotArchived").Message, StringComparison.Ordinal);
        var texts = _cli.Logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception} {string.Join(' ', r.StructuredState ?? [])}")
            .Append(result.ToString()).Append(alert.Title).Append(alert.Body);
        Assert.All(texts, t => Assert.DoesNotContain(WrongSecret, t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Daemon_KeysWrongThenRotatedInVault_OneFailureAlertThenTheNextScheduledRunSucceedsWithoutARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var configFile = Path.Combine(_cli.StateDirectory + "-config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(configFile)!);
        await File.WriteAllTextAsync(configFile, "{}", ct);
        var settings = new Dictionary<string, string?>(_cli.Settings) { ["CostSync:Schedule:Cron"] = "* * * * * *" };

        // The first run reads the wrong keys, is refused, reads them again (unchanged) and fails; the keys are rotated in Vault
        // right after that second read, so the daemon's next scheduled run finds the new ones.
        var reads = 0;
        _cli.Emulator.Secrets.OnRead = _ =>
        {
            if (Interlocked.Increment(ref reads) == 2)
            {
                _cli.Emulator.Secrets.Set(CliHarness.SecretId, RightKeys);
            }
        };
        using var daemon = CliProcess.Start(settings, configFile);
        await daemon.UntilAsync(daemon.OutputSeenAsync("Alert sent to", count: 2), ct);

        var output = daemon.Output;
        var failed = output.IndexOf(" Failed: ", StringComparison.Ordinal);
        var succeeded = output.IndexOf(" Succeeded: ", StringComparison.Ordinal);
        Assert.True(failed >= 0 && succeeded > failed, daemon.ToString());
        Assert.Single(output.Split('\n'), l => l.Contains("keys in Vault are unchanged", StringComparison.Ordinal));
        // Two reads by the failed run, one by the next; the daemon keeps running, so count up to the recovery alert.
        var requests = _cli.Emulator.Requests.Entries;
        var recovery = requests.Select((e, i) => (e, i)).Where(x => x.e.Operation == Operations.PublishMessage).Skip(1).First().i;
        Assert.Equal(3, requests.Take(recovery).Count(e => e.Operation == Operations.GetSecretBundle));
        var alerts = _cli.Emulator.Notifications.Messages.Take(2).ToList();
        Assert.Contains("FAILED on", alerts[0].Title, StringComparison.Ordinal);
        Assert.Contains("S3 denied access (SignatureDoesNotMatch)", alerts[0].Body, StringComparison.Ordinal);
        Assert.StartsWith("CostSync recovered on", alerts[1].Title, StringComparison.Ordinal);
        Assert.Contains(await KeysAsync(ct), k => k.StartsWith("reports/cost-csv/", StringComparison.Ordinal));
        Assert.All(alerts.Select(a => a.Title + a.Body).Append(output), t => Assert.DoesNotContain(WrongSecret, t, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> KeysAsync(CancellationToken cancellationToken)
    {
        using var client = swift.CreateClient();
        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, cancellationToken);
        return [.. (response.S3Objects ?? []).Select(o => o.Key).Where(k => !k.StartsWith(".costsync/", StringComparison.Ordinal))];
    }
}
