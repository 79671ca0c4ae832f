using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostSync.Commands;

/// <summary>JSON settings for command output: camelCase, indented, enums as names.</summary>
internal static class CommandJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
