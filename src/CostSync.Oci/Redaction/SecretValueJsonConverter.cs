using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostSync.Oci.Redaction;

/// <summary>Reads a JSON string into a <see cref="SecretValue"/> (so wire DTOs never hold a secret as a plain string) and writes <c>"***"</c>.</summary>
public sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A secret value must be a JSON string."));

    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options) => writer.WriteStringValue(Redacted.Text);
}
