using System.Diagnostics.CodeAnalysis;

namespace CostSync.Commands;

/// <summary>A small parser for CostSync's few commands and flags; anything else is an error with the usage text.</summary>
internal static class CommandLineParser
{
    public const string Usage = """
        Usage: costsync [command] [options] [--CostSync:Section:Key=value ...]

        Commands:
          (none)                       run as a daemon on the configured schedule
          --once [--dry-run [--json]]  run one sync and exit; --dry-run prints the plan and writes nothing
          list [--prefix P] [--json]   list the source objects (name, size, md5, time created)
          doctor [--json] [--send-test-alert]
                                       check configuration, OCI, Vault, destination and alerts
          test-alert                   publish a test message to the alert topic
          verify [--prefix P] [--sample PERCENT [--seed N]] [--against-source] [--json]
                                       read the archive back and prove it against the ledger (and the source)
          demo                         sync a generated report tree from an in-process OCI emulator to a local folder

        Options:
          --config FILE                settings file instead of /etc/costsync/appsettings.json
          -h, --help                   show this help
          --version                    print the version and commit

        Exit codes: 0 success, 1 failed, 2 invalid configuration or usage, 3 partially failed, 4 another run holds the lock,
        5 verify found a problem.
        """;

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out Invocation? invocation, [NotNullWhen(false)] out string? error)
    {
        invocation = null;
        CommandKind? command = null;
        bool once = false, dryRun = false, json = false, sendTestAlert = false, help = false, version = false, againstSource = false;
        string? prefix = null, configFile = null, sample = null, seed = null;
        var configArgs = new List<string>();
        double? samplePercent = null;
        int? seedValue = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--once": once = true; break;
                case "--dry-run": dryRun = true; break;
                case "--json": json = true; break;
                case "--send-test-alert": sendTestAlert = true; break;
                case "-h" or "--help" or "help": help = true; break;
                case "--version": version = true; break;
                case "--against-source": againstSource = true; break;
                case "--sample" or "--seed":
                    if (i + 1 >= args.Count)
                    {
                        error = $"`{arg}` needs a value.";
                        return false;
                    }

                    if (arg == "--sample")
                    {
                        sample = args[++i];
                    }
                    else
                    {
                        seed = args[++i];
                    }

                    break;
                case "--prefix" or "--config":
                    if (i + 1 >= args.Count)
                    {
                        error = $"`{arg}` needs a value.";
                        return false;
                    }

                    if (arg == "--prefix")
                    {
                        prefix = args[++i];
                    }
                    else
                    {
                        configFile = args[++i];
                    }

                    break;
                case "list" or "doctor" or "test-alert" or "demo" or "verify" when command is null:
                    command = arg switch { "list" => CommandKind.List, "doctor" => CommandKind.Doctor, "test-alert" => CommandKind.TestAlert, "verify" => CommandKind.Verify, _ => CommandKind.Demo };
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
                    {
                        configArgs.Add(arg);
                        if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                        {
                            configArgs.Add(args[++i]);
                        }

                        break;
                    }

                    error = $"Unknown argument `{arg}`.";
                    return false;
            }
        }

        if (help || version)
        {
            invocation = new Invocation(help ? CommandKind.Help : CommandKind.Version);
            error = null;
            return true;
        }

        error = Check(command, once, dryRun, json, prefix, sendTestAlert);
        if (error is null)
        {
            error = VerifyOptions.Check(command == CommandKind.Verify, sample, seed, againstSource, out var percent, out var seedNumber);
            samplePercent = percent;
            seedValue = seedNumber;
        }

        if (error is not null)
        {
            return false;
        }

        invocation = new Invocation(command ?? (once ? CommandKind.Once : CommandKind.Daemon), dryRun, json, prefix, sendTestAlert, configFile, configArgs)
        {
            SamplePercent = samplePercent,
            Seed = seedValue,
            AgainstSource = againstSource,
        };
        return true;
    }

    private static string? Check(CommandKind? command, bool once, bool dryRun, bool json, string? prefix, bool sendTestAlert) =>
        (command, once) switch
        {
            (not null, true) => "`--once` cannot be combined with a command.",
            _ when dryRun && !once => "`--dry-run` needs `--once`.",
            _ when json && !(command is CommandKind.List or CommandKind.Doctor or CommandKind.Verify || dryRun) => "`--json` applies to `list`, `doctor`, `verify` and `--once --dry-run`.",
            _ when prefix is not null && command is not (CommandKind.List or CommandKind.Verify) => "`--prefix` applies to `list` and `verify`.",
            _ when sendTestAlert && command != CommandKind.Doctor => "`--send-test-alert` applies to `doctor`.",
            _ => null,
        };
}
