using CostSync.Commands;
using CostSync.Commands.Parsing;
using CostSync.Configuration;
using CostSync.Hosting;
using CostSync.Logging;
using CostSync.Metrics;
using CostSync.Oci;
using CostSync.State;
using CostSync.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;
using Log = CostSync.Logging.Log;

namespace CostSync;

/// <summary>The application: parses the command line (System.CommandLine), builds configuration and the host, validates, runs the command, returns the exit code.</summary>
internal static class CostSyncApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, AppEnvironment environment, CancellationToken cancellationToken)
    {
        var bootstrap = environment.BootstrapLogger;
        var parsed = CostSyncCommandLine.Parse(args, environment.Output);
        if (parsed.Error is { } usageError)
        {
            bootstrap.Error("{UsageError:l} {Usage:l} (`--help` explains every option.)", usageError, parsed.Usage);
            return parsed.ExitCode;
        }

        if (parsed.Invocation is not { } invocation)
        {
            return parsed.ExitCode; // help, version or completions: already printed
        }

        if (invocation.Command == CommandKind.Demo)
        {
            return await DemoCommand.RunAsync(environment, cancellationToken);
        }

        using var host = TryBuildHost(invocation, environment);
        if (host is null)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var sections = invocation.Command switch
        {
            CommandKind.List => ConfigurationValidator.SourceOnly,
            CommandKind.TestAlert => ConfigurationValidator.AlertsOnly,
            _ => ConfigurationValidator.All,
        };
        if (!IsValid(host, sections, bootstrap))
        {
            return ExitCodes.InvalidConfiguration;
        }

        LogStartup(invocation, host);
        try
        {
            if (invocation.Command == CommandKind.Daemon || (invocation.Command == CommandKind.Once && !invocation.DryRun))
            {
                // A run needs its lock and state files: an unusable state directory is a start-up error, not a skipped run.
                host.Services.GetRequiredService<StateStore>().EnsureWritable();
            }

            if (invocation.Command is CommandKind.Daemon or CommandKind.Once && !invocation.DryRun)
            {
                OtlpMetrics.Start(host.Services);
            }

            var showsProgress = (invocation.Command == CommandKind.Once && !invocation.DryRun) || (invocation.Command == CommandKind.Verify && !invocation.Json);
            if (showsProgress && environment.WriteToConsole && TerminalDetector.IsInteractive(SystemdHelpers.IsSystemdService()))
            {
                // A person is watching: a live progress line instead of a progress log line every few seconds.
                host.Services.GetRequiredService<LiveLine>().Attach();
            }

            return await RunCommandAsync(invocation, host, environment.Output, cancellationToken);
        }
        catch (OciConfigurationException ex)
        {
            // The OCI principal is built on first use (config file, key file, profile); its errors are configuration errors.
            bootstrap.Fatal("Invalid configuration: {Problem} CostSync did not start.", ex.Message);
            return ExitCodes.InvalidConfiguration;
        }
        catch (StateDirectoryException ex)
        {
            // Restarting cannot fix a missing or unwritable state directory; the message names it and the fix.
            bootstrap.Fatal("CostSync cannot run: {Problem}", ex.Message);
            return ExitCodes.InvalidConfiguration;
        }
    }

    private static void LogStartup(Invocation invocation, IHost host)
    {
        var logger = host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("CostSync");
        if (host.Services.GetRequiredService<StartupNotes>().LogFileWarning is { } fileWarning)
        {
            Log.LogFileUnavailable(logger, fileWarning);
        }

        foreach (var warning in ConfigurationWarnings.Find(host.Services.GetRequiredService<IOptions<OciOptions>>().Value))
        {
            Log.ConfigurationWarning(logger, warning);
        }

        if (invocation.Command == CommandKind.Daemon && logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            var schedule = host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            var state = host.Services.GetRequiredService<IOptions<CostSyncOptions>>().Value;
            var logFile = host.Services.GetRequiredService<LogFileLocation>();
            var build = BuildInfo.Current;
            Log.DaemonStarting(logger, build.Version, build.Commit, schedule.Cron, schedule.TimeZone, state.StateDirectory, logFile.FilePattern ?? "none");
        }
    }

    /// <summary>Validates the sections; logs every problem through the bootstrap logger.</summary>
    internal static bool IsValid(IHost host, IReadOnlyList<Type> sections, Serilog.ILogger bootstrap)
    {
        var problems = ConfigurationValidator.Validate(host.Services.GetRequiredService<IConfiguration>(), host.Services, sections);
        foreach (var problem in problems)
        {
            bootstrap.Fatal("Invalid configuration: {Problem}", problem);
        }

        if (problems.Count > 0)
        {
            bootstrap.Fatal("CostSync did not start: {Count} configuration problem(s). Fix them in appsettings.json, /etc/costsync/appsettings.json (or --config FILE), or CostSync__Section__Key environment variables.", problems.Count);
        }

        return problems.Count == 0;
    }

    private static async Task<int> RunCommandAsync(Invocation invocation, IHost host, TextWriter output, CancellationToken cancellationToken)
    {
        var services = host.Services;
        switch (invocation.Command)
        {
            case CommandKind.List:
                return await services.GetRequiredService<ListCommand>().RunAsync(invocation.Prefix, invocation.Json, output, cancellationToken);
            case CommandKind.Doctor:
                return await services.GetRequiredService<DoctorCommand>().RunAsync(invocation.Json, invocation.SendTestAlert, output, cancellationToken);
            case CommandKind.TestAlert:
                return await services.GetRequiredService<TestAlertCommand>().RunAsync(output, cancellationToken);
            case CommandKind.Once when invocation.DryRun:
                return await services.GetRequiredService<DryRunCommand>().RunAsync(invocation.Json, output, cancellationToken);
            case CommandKind.Once:
                return await services.GetRequiredService<OnceCommand>().RunAsync(cancellationToken);
            case CommandKind.Verify:
                return await services.GetRequiredService<VerifyCommand>().RunAsync(invocation, output, cancellationToken);
            default:
                // Resolve the whole run path first, so a broken OCI profile is reported plainly before the host starts.
                var worker = services.GetRequiredService<SyncWorker>();
                await host.RunAsync(cancellationToken);
                return worker.ExecuteTask is { IsFaulted: true } ? ExitCodes.Failed : ExitCodes.Success;
        }
    }

    /// <summary>Builds the host; null (already logged) when a settings file or the Serilog section is unusable.</summary>
    internal static IHost? TryBuildHost(Invocation invocation, AppEnvironment environment)
    {
        var bootstrap = environment.BootstrapLogger;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "CostSync",
            ContentRootPath = AppContext.BaseDirectory,
        });
        try
        {
            AddConfigurationSources(builder.Configuration, invocation, environment);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or FormatException or IOException)
        {
            bootstrap.Fatal("Invalid configuration: {Problem} CostSync did not start.", SettingsFileProblem.Describe(ex));
            return null;
        }

        var loggingOptions = new LoggingOptions();
        if (!ConfigurationTypeChecker.Check(builder.Configuration, "CostSync:Logging", typeof(LoggingOptions)).Any())
        {
            builder.Configuration.GetSection("CostSync:Logging").Bind(loggingOptions);
        }

        var underSystemd = SystemdHelpers.IsSystemdService();
        var loggerConfiguration = new LoggerConfiguration();
        LogFileLocation logFile;
        string? fileWarning;
        try
        {
            logFile = SerilogSetup.Configure(loggerConfiguration, builder.Configuration, loggingOptions, invocation.PrintsResult, underSystemd, environment.WriteToConsole, bootstrap, out fileWarning);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            bootstrap.Fatal("Invalid configuration: the `Serilog` section cannot be applied ({Reason}). CostSync did not start.", ex.Message);
            return null;
        }

        var providers = new LoggerProviderCollection();
        if (environment.ExtraLoggerProvider is { } extra)
        {
            providers.AddProvider(extra);
            loggerConfiguration.WriteTo.Providers(providers);
        }

        builder.Services.AddSerilog(loggerConfiguration.CreateLogger(), dispose: true, providers);
        builder.Services.AddSingleton(logFile);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(80));
        builder.Services.AddCostSync(builder.Configuration);
        if (invocation.Command == CommandKind.Daemon)
        {
            builder.Services.AddSystemd();
            builder.Services.AddSingleton<SyncWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncWorker>());
            if (underSystemd)
            {
                builder.Services.AddHostedService<SystemdWatchdog>();
            }
        }

        environment.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSingleton(new StartupNotes(fileWarning));
        var host = builder.Build();
        return host;
    }

    private static void AddConfigurationSources(IConfigurationBuilder configuration, Invocation invocation, AppEnvironment environment)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (invocation.ConfigFile is { } file)
        {
            var full = Path.GetFullPath(file);
            if (Directory.Exists(full))
            {
                throw new FileNotFoundException($"The settings file `{full}` given with `--config` is a directory. Give the JSON file itself, e.g. `--config {Path.Combine(full, "appsettings.json")}`.");
            }

            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"The settings file `{full}` given with `--config` does not exist.");
            }

            configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        else if (environment.UseSystemConfigFile)
        {
            configuration.AddJsonFile(CostSyncDefaults.SystemConfigFile, optional: true, reloadOnChange: false);
        }

        if (environment.UseEnvironmentVariables)
        {
            configuration.AddEnvironmentVariables();
        }

        configuration.AddCommandLine([.. invocation.ConfigArgs ?? []]);
        if (environment.Configuration is { } overrides)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }
}
