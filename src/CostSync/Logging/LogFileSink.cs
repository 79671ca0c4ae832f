using Serilog.Core;
using Serilog.Events;

namespace CostSync.Logging;

/// <summary>
/// The rolling file sink, made harmless when its disk fills: its failures go to the failure listener, also the one at exit,
/// when the file flushes the lines it could not write (that one would otherwise turn a finished run into a crash).
/// </summary>
internal sealed class LogFileSink(ILogEventSink file) : ILogEventSink, IDisposable, ISetLoggingFailureListener
{
    private ILoggingFailureListener? _listener;

    public void Emit(LogEvent logEvent) => file.Emit(logEvent);

    public void SetFailureListener(ILoggingFailureListener failureListener)
    {
        _listener = failureListener;
        (file as ISetLoggingFailureListener)?.SetFailureListener(failureListener);
    }

    public void Dispose()
    {
        try
        {
            (file as IDisposable)?.Dispose();
        }
        catch (IOException ex)
        {
            _listener?.OnLoggingFailed(this, LoggingFailureKind.Final, "The log file could not be closed", null, ex);
        }
    }
}
