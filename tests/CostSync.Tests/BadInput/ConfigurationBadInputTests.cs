using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// Settings an operator gets wrong, through the real CLI after a successful run: CostSync refuses to start (exit 2) with one
/// line naming the key, the value, the rule and an example, before any OCI request, and the archive, its ledger and the state
/// directory stay exactly as they were. (Every rule has a unit row in <c>ConfigurationValidatorTests</c>; these prove the path.)
/// </summary>
public sealed class ConfigurationBadInputTests : IAsyncLifetime
{
    private BadInputScenario _scenario = null!;
    private SortedDictionary<string, string> _archive = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _scenario = await BadInputScenario.ToDirectoryAsync(Ct);
        _archive = await _scenario.ArchiveOnceAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    // schedule
    [InlineData("config-cron-not-a-cron", "CostSync:Schedule:Cron", "every 6 hours", "`CostSync:Schedule:Cron` = `every 6 hours` is not a cron expression")]
    [InlineData("config-cron-never-fires", "CostSync:Schedule:Cron", "0 0 31 2 *", "`CostSync:Schedule:Cron` = `0 0 31 2 *` never fires")]
    // OCI principal
    [InlineData("config-unknown-auth-mode", "CostSync:Oci:Auth", "UserPrincipal", "`CostSync:Oci:Auth` = `UserPrincipal` is not one of InstancePrincipal, ApiKey, SecurityToken")]
    // destination: an S3 destination without its bucket
    [InlineData("config-missing-bucket", "CostSync:Destination:Kind", "S3", "`CostSync:Destination:Bucket` is not set; it is required when Kind = S3")]
    // concurrency of zero or below
    [InlineData("config-zero-concurrency", "CostSync:Transfer:MaxConcurrentObjects", "0", "`CostSync:Transfer:MaxConcurrentObjects` = `0` must be between 1 and 64")]
    [InlineData("config-negative-concurrency", "CostSync:Transfer:MaxConcurrentParts", "-2", "`CostSync:Transfer:MaxConcurrentParts` = `-2` must be between 1 and 64")]
    // memory: a budget smaller than one part, a threshold larger than the budget
    [InlineData("config-budget-smaller-than-one-part", "CostSync:Transfer:MemoryBudgetMiB", "6", "`CostSync:Transfer:PartSizeMiB` = `8` needs a 8 MiB buffer per part (buffers are pooled at the next power of two), more than `CostSync:Transfer:MemoryBudgetMiB` = 6")]
    [InlineData("config-threshold-larger-than-budget", "CostSync:Transfer:MultipartThresholdMiB", "512", "`CostSync:Transfer:MultipartThresholdMiB` = `512` lets objects just under 512 MiB be copied in one piece, which needs a 512 MiB buffer")]
    public async Task Once_InvalidSetting_ExitsTwoNamingKeyValueRuleAndExampleAndTouchesNothing(string @case, string key, string value, string expected)
    {
        Assert.NotEmpty(@case);
        _scenario.Cli.Settings[key] = value;
        var lastRun = await File.ReadAllBytesAsync(Path.Combine(_scenario.Cli.StateDirectory, "last-run.json"), Ct);

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 2, _scenario.Describe(result));
        var line = Assert.Single(result.BootstrapLines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("Example: `", line, StringComparison.Ordinal);
        Assert.Contains(result.BootstrapLines, l => l.Contains("CostSync did not start", StringComparison.Ordinal));
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Empty(_scenario.Emulator.Requests.Entries);
        Assert.Equal(_archive, await _scenario.SnapshotAsync(Ct));
        Assert.Equal(lastRun, await File.ReadAllBytesAsync(Path.Combine(_scenario.Cli.StateDirectory, "last-run.json"), Ct));
    }
}
