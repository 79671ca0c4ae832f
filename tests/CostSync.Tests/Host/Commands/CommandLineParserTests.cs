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
