using CostSync.Configuration;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CostSync.Logging;

/// <summary>
/// Serilog for the host: console (stdout for the daemon, stderr for commands that print results; no timestamps
/// under systemd because journald adds them), and a daily rolling file that falls back to console-only with a
/// warning when its directory cannot be written.
/// </summary>
internal static class SerilogSetup
{
    private const string TextTemplate = "[{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {RunTag}{Message:lj}{NewLine}{Exception}";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {RunTag}{Message:lj}{NewLine}{Exception}";
    private const string JournalTemplate = "{Level:u3} {RunTag}{Message:lj}{NewLine}{Exception}";

    /// <summary>The bootstrap logger: console only, until configuration is read.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .Destructure.With<RedactingDestructuringPolicy>()
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();

    /// <summary>
    /// Configures <paramref name="configuration"/>'s sinks; returns the log file pattern, or null with a warning when the file
    /// cannot be used. A file that stops accepting lines later (a full disk) is reported once through <paramref name="failures"/>,
    /// a console-only logger.
    /// </summary>
    public static LogFileLocation Configure(LoggerConfiguration logger, IConfiguration configuration, LoggingOptions options, bool consoleToStandardError, bool underSystemd, bool writeToConsole, Serilog.ILogger failures, out string? fileWarning)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            // Polly's own telemetry logs every handled attempt with a full stack trace; CostSync logs one line per retry itself.
            .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .Destructure.With<RedactingDestructuringPolicy>()
            .Enrich.FromLogContext()
            .Enrich.With<RunTagEnricher>();
        if (writeToConsole)
        {
            logger.WriteTo.Console(
                outputTemplate: underSystemd ? JournalTemplate : ConsoleTemplate,
                standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        fileWarning = null;
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return LogFileLocation.None;
        }

        var directory = Path.GetFullPath(options.Path);
        if (!CanWrite(directory, out var reason))
        {
            fileWarning = $"Cannot write log files to `{directory}` ({reason}); logging to the console only. Create the directory for the service user or set `CostSync:Logging:Path`.";
            return LogFileLocation.None;
        }

        var pattern = Path.Combine(directory, options.Json ? "costsync-.json" : "costsync-.log");
        var sizeLimit = options.FileSizeLimitMiB * 1024L * 1024L;

        var file = LoggerSinkConfiguration.CreateSink(sink =>
        {
            if (options.Json)
            {
                sink.File(new CompactJsonFormatter(), pattern, rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedFileCount, fileSizeLimitBytes: sizeLimit, rollOnFileSizeLimit: true, shared: true);
            }
            else
            {
                sink.File(pattern, outputTemplate: TextTemplate, rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedFileCount, fileSizeLimitBytes: sizeLimit, rollOnFileSizeLimit: true, shared: true, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });

        // Fallible: a write the file refuses (full disk) is reported, once, instead of being dropped without a word.
        logger.WriteTo.Fallible(sink => sink.Sink(new LogFileSink(file)), new LogFileFailureListener(failures, directory));

        return new LogFileLocation(pattern.Replace("costsync-.", "costsync-<yyyyMMdd>.", StringComparison.Ordinal));
    }

    private static bool CanWrite(string directory, out string reason)
    {
        var probe = Path.Combine(directory, $".costsync-write-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(directory);

            // Some bytes, not an empty file: a full disk still has room for a name, not for a line.
            File.WriteAllText(probe, "CostSync can write here.\n");
            reason = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex.Message.TrimEnd('.');
            return false;
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The probe was never created; nothing to clean up.
            }
        }
    }
}
