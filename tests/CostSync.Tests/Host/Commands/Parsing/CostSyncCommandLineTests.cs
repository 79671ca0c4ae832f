using CostSync.Commands;
using CostSync.Commands.Parsing;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Commands.Parsing;

/// <summary>Every command and flag through System.CommandLine: what runs, what is printed, and what is refused with which sentence.</summary>
public sealed class CostSyncCommandLineTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _output.Dispose();
        _directory.Dispose();
    }

    [Theory]
    // the daemon and one run
    [InlineData("", "Daemon", false, false, null, false)]
    [InlineData("--once", "Once", false, false, null, false)]
    [InlineData("--once --dry-run", "Once", true, false, null, false)]
    [InlineData("--once --dry-run --json", "Once", true, true, null, false)]
    [InlineData("--json --dry-run --once", "Once", true, true, null, false)]
    // the commands and their own options
    [InlineData("list", "List", false, false, null, false)]
    [InlineData("list --prefix reports/ --json", "List", false, true, "reports/", false)]
    [InlineData("list --prefix=reports/cost-csv/", "List", false, false, "reports/cost-csv/", false)]
    [InlineData("--json list", "List", false, true, null, false)]
    [InlineData("doctor", "Doctor", false, false, null, false)]
    [InlineData("doctor --json --send-test-alert", "Doctor", false, true, null, true)]
    [InlineData("test-alert", "TestAlert", false, false, null, false)]
    [InlineData("demo", "Demo", false, false, null, false)]
    public void Parse_ValidCommandLine_BindsCommandAndOptions(string args, string command, bool dryRun, bool json, string? prefix, bool sendTestAlert)
    {
        var sut = Parse(args);

        Assert.True(sut.Invocation is not null, sut.Error);
        Assert.Equal(new Invocation(Enum.Parse<CommandKind>(command), dryRun, json, prefix, sendTestAlert), sut.Invocation with { ConfigArgs = null });
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public void Parse_VerifyWithItsOptions_KeepsThemOnTheInvocation()
    {
        var sut = Parse("verify --sample 2.5% --seed 1234 --against-source --prefix FOCUS_Reports/");

        Assert.True(sut.Invocation is not null, sut.Error);
        Assert.Equal(
            (CommandKind.Verify, 2.5, 1234, true, "FOCUS Reports/", false),
            (sut.Invocation.Command, sut.Invocation.SamplePercent, sut.Invocation.Seed, sut.Invocation.AgainstSource, sut.Invocation.Prefix, sut.Invocation.Json));
        Assert.True(Parse("verify --json").Invocation?.PrintsResult);
        Assert.Equal((CommandKind.Verify, null, null, false), (Parse("verify").Invocation?.Command, Parse("verify").Invocation?.SamplePercent, Parse("verify").Invocation?.Seed, Parse("verify").Invocation?.AgainstSource));
    }

    [Theory]
    // verify's own options, their values, and where they belong
    [InlineData("--once --sample 5", "`--sample` applies to `verify`.")]
    [InlineData("list --against-source", "`--against-source` applies to `verify`.")]
    [InlineData("verify --sample 0", "`--sample` = `0` is not a percentage above 0 and at most 100")]
    [InlineData("verify --sample 101", "`--sample` = `101` is not a percentage")]
    [InlineData("verify --sample many", "`--sample` = `many` is not a percentage")]
    [InlineData("verify --seed 7", "`--seed` needs `--sample`")]
    [InlineData("verify --sample 5 --seed -1", "`--seed` = `-1` is not a whole number")]
    [InlineData("verify --sample", "'--sample'")]
    [InlineData("verify --send-test-alert", "`--send-test-alert` applies to `doctor`.")]
    public void Parse_InvalidVerifyOptions_ExplainWhy(string args, string message)
    {
        var sut = Parse(args);

        Assert.Null(sut.Invocation);
        Assert.Equal(ExitCodes.InvalidConfiguration, sut.ExitCode);
        Assert.Contains(message, sut.Error, StringComparison.Ordinal);
    }

    [Theory]
    // before, between and after the command; both override forms; --config in all its forms
    [InlineData("--config /tmp/a.json --CostSync:Schedule:Cron=0_*_*_*_* list --CostSync:Source:Bucket b")]
    [InlineData("--CostSync:Schedule:Cron=0_*_*_*_* list --config=/tmp/a.json --CostSync:Source:Bucket b")]
    [InlineData("list --CostSync:Schedule:Cron=0_*_*_*_* --CostSync:Source:Bucket b --config:/tmp/a.json")]
    public void Parse_ConfigFileAndOverridesAnywhere_AreKeptInOrder(string args)
    {
        var sut = Parse(args);

        Assert.True(sut.Invocation is not null, sut.Error);
        Assert.Equal(CommandKind.List, sut.Invocation.Command);
        Assert.Equal("/tmp/a.json", sut.Invocation.ConfigFile);
        Assert.Equal(["--CostSync:Schedule:Cron=0 * * * *", "--CostSync:Source:Bucket", "b"], sut.Invocation.ConfigArgs);
    }

    [Fact]
    public void Parse_OverrideValueLooksLikeACommand_IsTheValue()
    {
        var sut = Parse("--once --CostSync:Destination:Prefix list");

        Assert.Equal(CommandKind.Once, sut.Invocation?.Command);
        Assert.Equal(["--CostSync:Destination:Prefix", "list"], sut.Invocation!.ConfigArgs);
    }

    [Fact]
    public async Task Parse_ResponseFile_ReadsFlagsAndOverridesFromIt()
    {
        var file = Path.Combine(_directory.Path, "costsync.rsp");
        await File.WriteAllTextAsync(file, "# one run, planned only\n--once\n--dry-run --CostSync:Source:Bucket=from-file\n", TestContext.Current.CancellationToken);

        var sut = CostSyncCommandLine.Parse([$"@{file}", "--json", "--CostSync:Destination:Prefix=on-line"], _output);

        Assert.True(sut.Invocation is not null, sut.Error);
        Assert.Equal((CommandKind.Once, true, true), (sut.Invocation.Command, sut.Invocation.DryRun, sut.Invocation.Json));
        Assert.Equal(["--CostSync:Destination:Prefix=on-line", "--CostSync:Source:Bucket=from-file"], sut.Invocation.ConfigArgs);
    }

    [Fact]
    public void Parse_MissingResponseFile_IsAUsageError()
    {
        var missing = Path.Combine(_directory.Path, "missing.rsp");

        var sut = CostSyncCommandLine.Parse([$"@{missing}"], _output);

        Assert.Equal(ExitCodes.InvalidConfiguration, sut.ExitCode);
        Assert.Contains(missing, sut.Error, StringComparison.Ordinal);
    }

    [Theory]
    // rules between the daemon's flags
    [InlineData("--dry-run", "`--dry-run` needs `--once`.")]
    [InlineData("--json", "`--json` applies to `list`, `doctor`, `verify` and `--once --dry-run`.")]
    [InlineData("--once --json", "`--json` applies to `list`, `doctor`, `verify` and `--once --dry-run`.")]
    // a run flag with a command, on either side of it
    [InlineData("list --once", "`--once` cannot be combined with a command.")]
    [InlineData("--once list", "`--once` cannot be combined with a command.")]
    [InlineData("doctor --dry-run", "`--dry-run` applies only without a command")]
    // an option of another command, or before its own command
    [InlineData("doctor --prefix x", "`--prefix` applies to `list` and `verify`.")]
    [InlineData("list --send-test-alert", "`--send-test-alert` applies to `doctor`.")]
    [InlineData("test-alert --json", "`--json` applies to `list`, `doctor`, `verify` and `--once --dry-run`.")]
    [InlineData("--prefix x list", "`--prefix` applies to `list` and `verify`: put it after `list`.")]
    // unknown words, with the closest known one
    [InlineData("sync", "Unknown command `sync`; the commands are `list`, `doctor`, `test-alert`, `demo`, `verify`.")]
    [InlineData("lsit", "Unknown command `lsit`; did you mean `list`?")]
    [InlineData("--onec", "Unknown option `--onec`; did you mean `--once`?")]
    [InlineData("list --perfix x", "Unknown option `--perfix` for `list`; did you mean `--prefix`?")]
    [InlineData("doctor now", "Unexpected argument `now` for `doctor`.")]
    // a missing value
    [InlineData("list --prefix", "'--prefix'")]
    [InlineData("--once --config", "'--config'")]
    public void Parse_InvalidCommandLine_ExplainsWhyWithTheUsageLine(string args, string message)
    {
        var sut = Parse(args);

        Assert.Null(sut.Invocation);
        Assert.Equal(ExitCodes.InvalidConfiguration, sut.ExitCode);
        Assert.Contains(message, sut.Error, StringComparison.Ordinal);
        Assert.StartsWith("Usage: ", sut.Usage, StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Theory]
    [InlineData("list --once", "list [--prefix <P>] [--json] [--config <FILE>]")]
    [InlineData("doctor --prefix x", "doctor [--json] [--send-test-alert] [--config <FILE>]")]
    [InlineData("--dry-run", "[command] [--config <FILE>] [--once] [--dry-run] [--json]")]
    public void Parse_InvalidCommandLine_UsageLineNamesTheCommandsOptions(string args, string usage)
    {
        Assert.EndsWith(usage, Parse(args).Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list --help", "--prefix <P>", "List the source objects")]
    [InlineData("list -h", "--prefix <P>", "List the source objects")]
    [InlineData("help list", "--prefix <P>", "List the source objects")]
    [InlineData("doctor --help", "--send-test-alert", "Check the whole path")]
    [InlineData("test-alert --help", "--config <FILE>", "Publish a test message")]
    [InlineData("demo --help", "--config <FILE>", "needs no cloud account")]
    public void Parse_CommandHelp_PrintsThatCommandsOptionsOnly(string args, string option, string description)
    {
        var sut = Parse(args);

        Assert.Equal((null, ExitCodes.Success), (sut.Invocation, sut.ExitCode));
        var help = _output.ToString();
        Assert.Contains(option, help, StringComparison.Ordinal);
        Assert.Contains(description, help, StringComparison.Ordinal);
        Assert.DoesNotContain("--once", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Exit codes", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-?")]
    [InlineData("help")]
    [InlineData("--help --bogus")]
    public void Parse_RootHelp_ListsCommandsFlagsOverridesAndExitCodes(string args)
    {
        var sut = Parse(args);

        Assert.Equal((null, ExitCodes.Success), (sut.Invocation, sut.ExitCode));
        var help = _output.ToString();
        foreach (var expected in new[] { "list", "doctor", "test-alert", "demo", "--once", "--dry-run", "--json", "--config <FILE>", "--version", "--CostSync:Section:Key=value", "@FILE", "4 another run holds the lock" })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--version --once")]
    [InlineData("list --version")]
    public void Parse_Version_PrintsVersionAndCommit(string args)
    {
        var sut = Parse(args);

        Assert.Equal((null, ExitCodes.Success), (sut.Invocation, sut.ExitCode));
        Assert.Equal(BuildInfo.Current.ToString(), _output.ToString().Trim());
    }

    [Theory]
    [InlineData("li", "list")]
    [InlineData("doctor --se", "--send-test-alert")]
    public void Parse_SuggestDirective_PrintsCompletions(string typed, string completion)
    {
        // what dotnet-suggest's shell shims send: the cursor position and the line typed so far
        var sut = CostSyncCommandLine.Parse([$"[suggest:{typed.Length}]", typed], _output);

        Assert.Equal((null, ExitCodes.Success), (sut.Invocation, sut.ExitCode));
        Assert.Contains(completion, _output.ToString().Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwoLoggingTheReasonAndUsage()
    {
        var sink = new CollectingSink();
        var environment = new AppEnvironment { BootstrapLogger = sink.CreateLogger(), Output = _output, WriteToConsole = false, UseSystemConfigFile = false, UseEnvironmentVariables = false };

        var exitCode = await CostSyncApp.RunAsync(["list", "--jsno"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(sink.Lines);
        Assert.StartsWith("Error: Unknown option `--jsno` for `list`; did you mean `--json`? Usage: ", line, StringComparison.Ordinal);
        Assert.Contains("list [--prefix <P>] [--json] [--config <FILE>]", line, StringComparison.Ordinal);
    }

    // Overrides with spaces are written with `_` here, so the theory can split on spaces.
    private CommandLineOutcome Parse(string args) =>
        CostSyncCommandLine.Parse([.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace('_', ' '))], _output);
}
