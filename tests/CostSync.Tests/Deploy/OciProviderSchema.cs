using System.Text.Json.Nodes;
using CostSync.Tests.Support;

namespace CostSync.Tests.Deploy;

/// <summary>
/// The OCI provider 8.28.0's resources and data sources (identity, kms, vault, ons, core, bastion, monitoring, logging,
/// objectstorage), read from its Go source: <c>required</c>, <c>optional</c>, <c>computed</c> and nested <c>blocks</c>.
/// Kept in <c>tests/CostSync.Tests/Deploy/oci-provider-schema.json</c>; data sources are keyed <c>data.&lt;type&gt;</c>.
/// </summary>
internal sealed class OciProviderSchema(JsonObject root)
{
    public string Version => root["_about"]!["version"]!.GetValue<string>();

    public static OciProviderSchema Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "CostSync.Tests", "Deploy", "oci-provider-schema.json")))!.AsObject());

    /// <summary>The schema of a resource type (<c>oci_core_instance</c>) or data source (<c>data.oci_core_images</c>); null when unknown.</summary>
    public SchemaNode? Find(string key) => root[key] is JsonObject node ? new SchemaNode(node) : null;
}

/// <summary>One resource, data source or nested block of the schema.</summary>
internal sealed class SchemaNode(JsonObject node)
{
    public IReadOnlySet<string> Required { get; } = Names(node, "required");

    public IReadOnlySet<string> Optional { get; } = Names(node, "optional");

    public IReadOnlySet<string> Computed { get; } = Names(node, "computed");

    /// <summary>What a configuration may set: required and optional arguments and blocks.</summary>
    public bool IsSettable(string name) => Required.Contains(name) || Optional.Contains(name);

    public SchemaNode? Block(string name) => node["blocks"]?[name] is JsonObject block ? new SchemaNode(block) : null;

    private static HashSet<string> Names(JsonObject node, string field) =>
        node[field] is JsonArray names ? [.. names.Select(n => n!.GetValue<string>())] : [];
}
