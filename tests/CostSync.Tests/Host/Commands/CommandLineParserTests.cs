using CostSync.Commands;
using Xunit;

namespace CostSync.Tests.Host.Commands;

public sealed class CommandLineParserTests
{
    [Theory]
    [InlineData("", "Daemon")]
    [InlineData("--once", "Once")]
    [InlineData("--once --dry-run --json", "Once")]
    [InlineData("list --prefix reports/ --json", "List")]
    [InlineData("doctor --json --send-test-alert", "Doctor")]
    [InlineData("test-alert", "TestAlert")]
    [InlineData("demo", "Demo")]
    [InlineData("verify", "Verify")]
    [InlineData("verify --prefix reports/ --sample 5 --seed 42 --against-source --json", "Verify")]
    [InlineData("--help", "Help")]
    [InlineData("--version", "Version")]
    [InlineData("--version --once", "Version")]
    public void TryParse_ValidCommandLine_ReturnsCommand(string args, string expected)
    {
        Assert.True(CommandLineParser.TryParse(Split(args), out var invocation, out var error), error);
        Assert.Equal(Enum.Parse<CommandKind>(expected), invocation.Command);
    }

    [Fact]
    public void TryParse_ConfigAndOverrides_AreKept()
    {
        Assert.True(CommandLineParser.TryParse(["--once", "--config", "/tmp/a.json", "--CostSync:Schedule:Cron=0 * * * *", "--CostSync:Source:Bucket", "b"], out var invocation, out _));

        Assert.Equal("/tmp/a.json", invocation.ConfigFile);
        Assert.Equal(["--CostSync:Schedule:Cron=0 * * * *", "--CostSync:Source:Bucket", "b"], invocation.ConfigArgs);
    }

    [Fact]
    public void TryParse_VerifyOptions_AreKeptOnTheInvocation()
    {
        Assert.True(CommandLineParser.TryParse(["verify", "--sample", "2.5%", "--seed", "1234", "--against-source", "--prefix", "FOCUS Reports/"], out var invocation, out var error), error);

        Assert.Equal((2.5, 1234, true, "FOCUS Reports/", false), (invocation.SamplePercent, invocation.Seed, invocation.AgainstSource, invocation.Prefix, invocation.Json));
        Assert.False(invocation.PrintsResult);
        Assert.True(CommandLineParser.TryParse(["verify", "--json"], out var json, out _) && json.PrintsResult);
    }

    [Theory]
    // verify's own options, and their values
    [InlineData("--once --sample 5", "`--sample` applies to `verify`")]
    [InlineData("list --against-source", "`--against-source` applies to `verify`")]
    [InlineData("verify --sample 0", "`--sample` = `0` is not a percentage above 0 and at most 100")]
    [InlineData("verify --sample 101", "`--sample` = `101` is not a percentage")]
    [InlineData("verify --sample many", "`--sample` = `many` is not a percentage")]
    [InlineData("verify --seed 7", "`--seed` needs `--sample`")]
    [InlineData("verify --sample 5 --seed -1", "`--seed` = `-1` is not a whole number")]
    [InlineData("verify --sample", "`--sample` needs a value")]
    [InlineData("verify --send-test-alert", "`--send-test-alert` applies to `doctor`")]
    public void TryParse_InvalidVerifyOptions_ExplainWhy(string args, string message)
    {
        Assert.False(CommandLineParser.TryParse(Split(args), out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dry-run", "`--dry-run` needs `--once`")]
    [InlineData("list --once", "`--once` cannot be combined")]
    [InlineData("--json", "`--json` applies to")]
    [InlineData("doctor --prefix x", "`--prefix` applies to `list`")]
    [InlineData("list --send-test-alert", "`--send-test-alert` applies to `doctor`")]
    [InlineData("sync", "Unknown argument `sync`")]
    [InlineData("list --prefix", "`--prefix` needs a value")]
    public void TryParse_InvalidCommandLine_ExplainsWhy(string args, string message)
    {
        Assert.False(CommandLineParser.TryParse(Split(args), out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static string[] Split(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
