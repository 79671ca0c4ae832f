using CostSync.Oci.Redaction;
using Serilog.Core;
using Serilog.Events;

namespace CostSync.Logging;

/// <summary>Destructures every <see cref="IRedacted"/> (<c>{@Keys}</c>) as <c>***</c>: Serilog would otherwise walk its public properties.</summary>
internal sealed class RedactingDestructuringPolicy : IDestructuringPolicy
{
    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        result = value is IRedacted ? new ScalarValue(Redacted.Text) : null;
        return result is not null;
    }
}
