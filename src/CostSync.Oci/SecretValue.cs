using System.Text.Json.Serialization;
using CostSync.Oci.Redaction;

namespace CostSync.Oci;

/// <summary>A secret held in memory only. It prints, logs and serializes as <c>***</c>, so it can never reach a log or a file by accident.</summary>
[JsonConverter(typeof(SecretValueJsonConverter))]
public sealed class SecretValue : IEquatable<SecretValue>, IRedacted
{
    private readonly string _value;

    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The number of characters in the secret (safe to log).</summary>
    public int Length => _value.Length;

    /// <summary>Returns the secret itself. Call only where the value is handed to the API that needs it.</summary>
    public string Reveal() => _value;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => Redacted.Text;

    public bool Equals(SecretValue? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SecretValue other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
