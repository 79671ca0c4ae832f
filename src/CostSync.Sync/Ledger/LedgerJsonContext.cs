using System.Text.Json.Serialization;

namespace CostSync.Sync.Ledger;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LedgerEntry))]
[JsonSerializable(typeof(LedgerSnapshotLine))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
