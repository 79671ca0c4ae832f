using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CostSync.Tests.Host.Support;

/// <summary>A Serilog sink that keeps rendered messages (for the bootstrap logger in CLI tests).</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        lock (_lines)
        {
            _lines.Add($"{logEvent.Level}: {logEvent.RenderMessage(CultureInfo.InvariantCulture)}");
        }
    }
}
