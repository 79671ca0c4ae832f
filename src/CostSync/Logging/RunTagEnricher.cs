using Serilog.Core;
using Serilog.Events;

namespace CostSync.Logging;

/// <summary>Adds <c>RunTag</c> = <c>[run-id] </c> to events that carry a <c>RunId</c>, so text output shows it only when there is one.</summary>
internal sealed class RunTagEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var tag = logEvent.Properties.TryGetValue("RunId", out var runId) && runId is ScalarValue { Value: string id }
            ? $"[{id}] "
            : string.Empty;
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RunTag", tag));
    }
}
