using Serilog.Core;
using Serilog.Events;

namespace CostSync.Logging;

/// <summary>
/// Hears the rolling log file fail (a full disk, a folder removed or made read-only after start-up) and says so once on the
/// console, which journald keeps: the file sink would otherwise drop lines silently. The run goes on; its lines stay on the console.
/// </summary>
internal sealed class LogFileFailureListener(Serilog.ILogger console, string directory) : ILoggingFailureListener
{
    private int _reported;

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            var reason = (exception?.Message ?? message).TrimEnd('.');
            console.Warning(
                "Cannot write the log file in `{Directory}` ({Reason}); log lines from now on are on the console (journald) only, not in the file. Free space on that file system or make the folder writable again, or set `CostSync:Logging:Path`.",
                directory,
                reason);
        }
    }
}
