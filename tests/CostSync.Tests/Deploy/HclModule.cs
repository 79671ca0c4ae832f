using System.Text.Json.Nodes;
using CostSync.Tests.Support;

namespace CostSync.Tests.Deploy;

/// <summary>
/// A tofu module as HashiCorp's HCL parser sees it (<c>tests/servers/hcl2json.js</c>: hcl/v2 compiled to WASM): per file, the
/// JSON form where blocks are arrays of objects and expressions are <c>${…}</c> strings. Stands in for <c>tofu validate</c>'s parse.
/// </summary>
internal sealed class HclModule
{
    private HclModule(IReadOnlyDictionary<string, JsonObject> files, IReadOnlyDictionary<string, string> errors)
    {
        Files = files;
        Errors = errors;
    }

    /// <summary>Parsed files by name (<c>*.tf</c>, <c>*.tfvars</c>, <c>*.tfvars.example</c>).</summary>
    public IReadOnlyDictionary<string, JsonObject> Files { get; }

    /// <summary>Files that did not parse, with the parser's <c>file:line,col: message</c>.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    private IEnumerable<KeyValuePair<string, JsonObject>> TfFiles => Files.Where(f => f.Key.EndsWith(".tf", StringComparison.Ordinal));

    public IEnumerable<HclBlock> Resources => Labelled("resource");

    public IEnumerable<HclBlock> DataSources => Labelled("data");

    public IReadOnlyDictionary<string, JsonObject> Variables => Named("variable");

    public IReadOnlyDictionary<string, JsonObject> Outputs => Named("output");

    public IReadOnlyDictionary<string, JsonNode?> Locals =>
        TfFiles.SelectMany(f => f.Value["locals"]?.AsArray().SelectMany(block => block!.AsObject()) ?? [])
            .ToDictionary(p => p.Key, p => p.Value);

    public static async Task<HclModule> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "tests", "servers", "hcl2json.js");
        var node = ExternalTool.Require("node", "apt-get install -y nodejs npm, then npm ci --prefix tests/servers");
        var result = await ExternalTool.RunAsync(node, [script, directory], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/servers/hcl2json.js failed: {result}");
        }

        var json = JsonNode.Parse(result.Output)!.AsObject();
        return new HclModule(
            json["files"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.AsObject()),
            json["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()));
    }

    public HclBlock Resource(string type, string name) => Resources.Single(r => r.Type == type && r.Name == name);

    /// <summary>A local's value (a literal, or a <c>${…}</c> expression string).</summary>
    public JsonNode Local(string name) => Locals[name] ?? throw new KeyNotFoundException($"local.{name}");

    private IEnumerable<HclBlock> Labelled(string kind) =>
        from file in TfFiles
        where file.Value[kind] is JsonObject
        from type in file.Value[kind]!.AsObject()
        from name in type.Value!.AsObject()
        select new HclBlock(file.Key, type.Key, name.Key, name.Value!.AsArray().Single()!.AsObject());

    private Dictionary<string, JsonObject> Named(string kind) =>
        (from file in TfFiles
         where file.Value[kind] is JsonObject
         from item in file.Value[kind]!.AsObject()
         select (item.Key, Body: item.Value!.AsArray().Single()!.AsObject())).ToDictionary(i => i.Key, i => i.Body);
}

/// <summary>One <c>resource</c> or <c>data</c> block: its file, type, name and body.</summary>
internal sealed record HclBlock(string File, string Type, string Name, JsonObject Body)
{
    public string Address => $"{Type}.{Name}";

    /// <summary>The first (or only) nested block called <paramref name="name"/>.</summary>
    public JsonObject Block(string name) => Body[name]!.AsArray()[0]!.AsObject();

    public string? Text(string name) => Body[name]?.GetValue<string>();
}
