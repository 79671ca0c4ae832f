namespace CostSync.Oci.Redaction;

/// <summary>How every secret holder prints.</summary>
public static class Redacted
{
    /// <summary>What a secret prints as: <c>***</c>.</summary>
    public const string Text = "***";
}
