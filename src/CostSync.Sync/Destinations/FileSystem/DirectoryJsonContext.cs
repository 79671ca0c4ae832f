using System.Text.Json.Serialization;

namespace CostSync.Sync.Destinations.FileSystem;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DirectoryUploadDescriptor))]
[JsonSerializable(typeof(DirectorySidecar))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
