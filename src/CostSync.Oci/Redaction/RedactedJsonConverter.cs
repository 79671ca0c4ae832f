using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostSync.Oci.Redaction;

/// <summary>Writes a secret holder as <c>"***"</c>; refuses to read one (a secret never comes back from CostSync's own JSON).</summary>
public sealed class RedactedJsonConverter<T> : JsonConverter<T>
    where T : class, IRedacted
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException($"{typeof(T).Name} holds a secret and is never read from JSON.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Redacted.Text);
}
