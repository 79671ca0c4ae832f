using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Validation;

/// <summary>Starts a <see cref="ReportValidator"/> for each report copy attempt, as <c>CostSync:Validation:Mode</c> says.</summary>
internal sealed class ReportValidation(IOptions<ValidationOptions> options)
{
    private readonly ValidationMode _mode = options.Value.Mode;

    /// <summary>A validator for <paramref name="objectName"/>, or null when validation is off or the object is not a <c>.csv.gz</c> report.</summary>
    public ReportValidator? Begin(string objectName) =>
        _mode != ValidationMode.Off && objectName.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? new ReportValidator(_mode) : null;
}
