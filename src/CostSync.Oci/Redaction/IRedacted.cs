namespace CostSync.Oci.Redaction;

/// <summary>
/// Marks a type that holds a secret (a key, a token, a pass phrase): it prints as <c>***</c> in <c>ToString</c>, serializes
/// as <c>"***"</c>, and the host's structured logging destructures it as <c>***</c> instead of walking its properties.
/// </summary>
public interface IRedacted;
