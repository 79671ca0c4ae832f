namespace CostSync.Sync.Configuration;

/// <summary>How the reports themselves are checked while they stream through; bound from <c>CostSync:Validation</c>.</summary>
public sealed class ValidationOptions
{
    /// <summary>
    /// <see cref="ValidationMode.Off"/>, <see cref="ValidationMode.Header"/> or <see cref="ValidationMode.Full"/>.
    /// <value>Default: <see cref="ValidationMode.Header"/> (the measured cost of <see cref="ValidationMode.Full"/> is in README).</value>
    /// </summary>
    public ValidationMode Mode { get; set; } = ValidationMode.Header;
}
