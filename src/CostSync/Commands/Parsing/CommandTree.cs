using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace CostSync.Commands.Parsing;

/// <summary>
/// CostSync's command line as a System.CommandLine tree. Each command is defined in one method here: its options, its help
/// text, the rules between its options, and how a parse result becomes an <see cref="Invocation"/>. Add a command by adding
/// one such method to <see cref="CommandTree()"/> (and its <see cref="CommandKind"/> case to <c>CostSyncApp</c>).
/// </summary>
internal sealed class CommandTree
{
    private readonly Dictionary<Command, Definition> _definitions = [];
    private readonly Option<bool> _once = new("--once") { Description = "Run one sync and exit." };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "With --once: print the plan (action, reason and bytes per object, totals) and write nothing." };
    private readonly Option<bool> _json = new("--json") { Description = "With --once --dry-run: print the plan as JSON." };
    private readonly Option<string> _config = new("--config") { Description = "Read FILE instead of /etc/costsync/appsettings.json.", HelpName = "FILE", Recursive = true };

    public CommandTree()
    {
        Root = new RootCommand("CostSync copies Oracle Cloud (OCI) cost and usage reports from the `bling` namespace into an S3 bucket. Without a command it runs as a daemon on CostSync:Schedule:Cron.");

        // The built-in --version prints the bare informational version and refuses other arguments: ours prints version and commit.
        Root.Options.Remove(Root.Options.OfType<VersionOption>().Single());
        Root.Options.OfType<HelpOption>().Single().Action = new CostSyncHelpAction();
        Root.Options.Add(new Option<bool>("--version") { Description = "Print the version and the commit it was built from.", Recursive = true, Arity = ArgumentArity.Zero, Action = new VersionAction() });
        Root.Options.Add(_config);
        Root.Options.Add(_once);
        Root.Options.Add(_dryRun);
        Root.Options.Add(_json);
        Root.Action = new BindAction();
        _definitions[Root] = new Definition(Daemon);

        Add(List());
        Add(Doctor());
        Add(TestAlert());
        Add(Demo());
        Add(Verify());
        Root.Subcommands.Add(HelpCommand());
    }

    public RootCommand Root { get; }

    /// <summary>Every option name and alias in the tree (<c>--json</c>, <c>-h</c>, ...).</summary>
    public IReadOnlySet<string> OptionNames =>
        AllCommands().SelectMany(c => c.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The visible commands, the root first.</summary>
    public IEnumerable<Command> AllCommands() => Root.Subcommands.Where(c => !c.Hidden).Prepend(Root);

    /// <summary>Binds a successful parse to what CostSync runs.</summary>
    public Invocation Bind(ParseResult result) => _definitions[result.CommandResult.Command].Bind(result) with { ConfigFile = result.GetValue(_config) };

    /// <summary>The rules between options that System.CommandLine cannot express: the root's always, the parsed command's own.</summary>
    public IEnumerable<string> Check(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var own = command == Root ? [] : _definitions[command].Rules?.Invoke(result) ?? [];
        return RootRules(result).Concat(own);
    }

    /// <summary>Where an option may go, for an error about a misplaced one, e.g. "`list`, `doctor` and `--once --dry-run`"; null when it is not an option.</summary>
    public string? WhereAllowed(string optionName)
    {
        var places = Root.Subcommands.Where(c => !c.Hidden && HasOption(c, optionName)).Select(c => $"`{c.Name}`").ToList();
        if (HasOption(Root, optionName) && optionName == _json.Name)
        {
            places.Add("`--once --dry-run`");
        }

        return places.Count switch
        {
            0 => null,
            1 => places[0],
            _ => $"{string.Join(", ", places[..^1])} and {places[^1]}",
        };
    }

    /// <summary>True when <paramref name="optionName"/> is one of the root's own options (not inherited by commands).</summary>
    public bool IsRootOnly(string optionName) =>
        Root.Options.Any(o => !o.Recursive && Names(o).Contains(optionName)) && WhereAllowed(optionName) is null;

    private static bool HasOption(Command command, string name) => command.Options.Any(o => Names(o).Contains(name));

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);

    private void Add((Command Command, Definition Definition) entry)
    {
        entry.Command.Action = new BindAction();
        Root.Subcommands.Add(entry.Command);
        _definitions[entry.Command] = entry.Definition;
    }

    private Invocation Daemon(ParseResult result) =>
        new(result.GetValue(_once) ? CommandKind.Once : CommandKind.Daemon, DryRun: result.GetValue(_dryRun), Json: result.GetValue(_json));

    private IEnumerable<string> RootRules(ParseResult result)
    {
        var command = result.CommandResult.Command;
        if (command != Root)
        {
            if (result.GetValue(_once))
            {
                yield return "`--once` cannot be combined with a command.";
            }
            else if (result.GetValue(_dryRun))
            {
                yield return "`--dry-run` needs `--once` and cannot be combined with a command.";
            }

            if (result.GetValue(_json) && !HasOption(command, _json.Name))
            {
                yield return $"`--json` applies to {WhereAllowed(_json.Name)}.";
            }

            yield break;
        }

        if (result.GetValue(_dryRun) && !result.GetValue(_once))
        {
            yield return "`--dry-run` needs `--once`.";
        }

        if (result.GetValue(_json) && !result.GetValue(_dryRun))
        {
            yield return $"`--json` applies to {WhereAllowed(_json.Name)}.";
        }
    }

    private (Command, Definition) List()
    {
        var prefix = new Option<string>("--prefix") { Description = "Only objects whose name starts with P, e.g. reports/cost-csv/.", HelpName = "P" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "List the source objects (name, size, MD5 or multipart MD5, time created): can this machine read bling?") { prefix, json };
        return (command, new Definition(r => new Invocation(CommandKind.List, Json: r.GetValue(json) || r.GetValue(_json), Prefix: r.GetValue(prefix))));
    }

    private (Command, Definition) Doctor()
    {
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var sendTestAlert = new Option<bool>("--send-test-alert") { Description = "Also publish a test message to CostSync:Alerts:TopicId." };
        var command = new Command("doctor", "Check the whole path, one line per check with a fix: configuration, state and log directories, OCI principal and region, bling, Vault, S3 write, lifecycle rule, encryption, checksums, Object Lock, alerts.") { json, sendTestAlert };
        return (command, new Definition(r => new Invocation(CommandKind.Doctor, Json: r.GetValue(json) || r.GetValue(_json), SendTestAlert: r.GetValue(sendTestAlert))));
    }

    private static (Command, Definition) TestAlert() =>
        (new Command("test-alert", "Publish a test message to CostSync:Alerts:TopicId."), new Definition(_ => new Invocation(CommandKind.TestAlert)));

    private static (Command, Definition) Demo() =>
        (new Command("demo", "Sync a generated report tree from the OCI emulator (started as a child process) to a local folder, twice; needs no cloud account."),
         new Definition(_ => new Invocation(CommandKind.Demo)));

    private (Command, Definition) Verify()
    {
        var prefix = new Option<string>("--prefix") { Description = "Only reports whose name starts with P, e.g. FOCUS Reports/2026/.", HelpName = "P" };
        var sample = new Option<string>("--sample") { Description = "Read back only this share of the archived objects, e.g. 5 (percent), chosen at random; the seed is printed.", HelpName = "PERCENT" };
        var seed = new Option<string>("--seed") { Description = "With --sample: repeat an earlier sample (the seed verify printed).", HelpName = "N" };
        var againstSource = new Option<bool>("--against-source") { Description = "Also list bling: reports not archived yet (and their age), and archived reports that changed at the source." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of lines." };
        var command = new Command("verify", "Read the archive back and prove it against the ledger (and, with --against-source, the source): missing, changed and unrecorded objects, one line each with a fix; exit 5 on a problem.") { prefix, sample, seed, againstSource, json };
        return (command, new Definition(
            r =>
            {
                VerifyOptions.Check(isVerify: true, r.GetValue(sample), r.GetValue(seed), r.GetValue(againstSource), out var percent, out var seedValue);
                return new Invocation(CommandKind.Verify, Json: r.GetValue(json) || r.GetValue(_json), Prefix: r.GetValue(prefix))
                {
                    SamplePercent = percent,
                    Seed = seedValue,
                    AgainstSource = r.GetValue(againstSource),
                };
            },
            // Values are read only from a clean parse: a missing value is already System.CommandLine's own error.
            r => r.Errors.Count == 0 && VerifyOptions.Check(isVerify: true, r.GetValue(sample), r.GetValue(seed), r.GetValue(againstSource), out _, out _) is { } problem ? [problem] : []));
    }

    /// <summary><c>help [command]</c>, kept from the old parser: the same text as <c>[command] --help</c>.</summary>
    private Command HelpCommand()
    {
        var name = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("help", "Show help for CostSync or one command.") { Hidden = true };
        command.Arguments.Add(name);
        command.SetAction(r =>
        {
            var target = Root.Subcommands.FirstOrDefault(c => !c.Hidden && c.Name == r.GetValue(name));
            var configuration = new InvocationConfiguration { Output = r.InvocationConfiguration.Output, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return Root.Parse(target is null ? ["--help"] : [target.Name, "--help"]).Invoke(configuration);
        });
        return command;
    }

    /// <summary>Marks a command CostSync runs itself (after <see cref="Bind"/>); System.CommandLine never invokes it.</summary>
    internal sealed class BindAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => throw new InvalidOperationException("CostSync's commands are bound with CommandTree.Bind and run by CostSyncApp.");
    }

    /// <summary>How one command binds to an <see cref="Invocation"/>, and the rules between its options (each broken rule is one sentence).</summary>
    private sealed record Definition(Func<ParseResult, Invocation> Bind, Func<ParseResult, IEnumerable<string>>? Rules = null);
}
