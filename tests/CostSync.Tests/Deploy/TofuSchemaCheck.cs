using System.Text.Json;
using System.Text.Json.Nodes;

namespace CostSync.Tests.Deploy;

/// <summary>
/// What <c>tofu validate</c> would reject, without tofu or the provider: every resource and data block uses only
/// arguments and blocks the OCI provider schema knows, sets every required one, sets nothing read-only, and the module
/// references only declared variables, locals, resources and data sources (and uses every variable and local it declares).
/// </summary>
internal static class TofuSchemaCheck
{
    private static readonly HashSet<string> MetaArguments = ["count", "for_each", "depends_on", "provider"];
    private static readonly HashSet<string> LifecycleArguments = ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by", "precondition", "postcondition"];
    private static readonly HashSet<string> BuiltinRoots = ["path", "each", "count", "self", "terraform"];

    public static IReadOnlyList<string> Check(HclModule module, OciProviderSchema schema)
    {
        var problems = new List<string>();
        problems.AddRange(module.Errors.Select(e => $"{e.Key}: does not parse: {e.Value}"));
        foreach (var block in module.Resources)
        {
            CheckBlock(block, $"resource \"{block.Type}\" \"{block.Name}\"", schema.Find(block.Type), schema, problems);
        }

        foreach (var block in module.DataSources)
        {
            CheckBlock(block, $"data \"{block.Type}\" \"{block.Name}\"", schema.Find("data." + block.Type), schema, problems);
        }

        CheckReferences(module, problems);
        return problems;
    }

    private static void CheckBlock(HclBlock block, string where, SchemaNode? node, OciProviderSchema schema, List<string> problems)
    {
        if (node is null)
        {
            problems.Add($"{block.File}: {where}: `{block.Type}` is not a {(where.StartsWith("data", StringComparison.Ordinal) ? "data source" : "resource type")} of the OCI provider {schema.Version}.");
            return;
        }

        if (block.Body["lifecycle"] is JsonArray lifecycle)
        {
            foreach (var unknown in lifecycle.SelectMany(l => l!.AsObject()).Select(p => p.Key).Where(k => !LifecycleArguments.Contains(k)))
            {
                problems.Add($"{block.File}: {where}: lifecycle has no `{unknown}`.");
            }
        }

        CheckBody($"{block.File}: {where}", block.Body.Where(p => !MetaArguments.Contains(p.Key) && p.Key != "lifecycle"), node, problems);
    }

    private static void CheckBody(string where, IEnumerable<KeyValuePair<string, JsonNode?>> body, SchemaNode node, List<string> problems)
    {
        var present = new HashSet<string>();
        foreach (var (key, value) in body)
        {
            if (key == "dynamic")
            {
                foreach (var (name, dynamic) in value!.AsObject())
                {
                    present.Add(name);
                    if (!node.IsSettable(name) || node.Block(name) is not { } dynamicSchema)
                    {
                        problems.Add($"{where}: unknown block `{name}` (dynamic).");
                        continue;
                    }

                    foreach (var content in dynamic!.AsArray().SelectMany(d => d!["content"]?.AsArray() ?? []))
                    {
                        CheckBody($"{where} > {name}", content!.AsObject(), dynamicSchema, problems);
                    }
                }

                continue;
            }

            present.Add(key);
            if (node.IsSettable(key))
            {
                if (node.Block(key) is { } blockSchema && value is JsonArray blocks && blocks.All(b => b is JsonObject))
                {
                    foreach (var nested in blocks)
                    {
                        CheckBody($"{where} > {key}", nested!.AsObject(), blockSchema, problems);
                    }
                }

                continue;
            }

            problems.Add(node.Computed.Contains(key)
                ? $"{where}: `{key}` is read-only (computed by the provider) and cannot be set."
                : $"{where}: unknown {(IsBlock(value) ? "block" : "argument")} `{key}`.");
        }

        foreach (var missing in node.Required.Where(r => !present.Contains(r)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{where}: the required {(node.Block(missing) is null ? "argument" : "block")} `{missing}` is missing.");
        }
    }

    private static bool IsBlock(JsonNode? value) => value is JsonArray array && array.Count > 0 && array.All(v => v is JsonObject);

    private static void CheckReferences(HclModule module, List<string> problems)
    {
        var variables = module.Variables.Keys.ToHashSet();
        var locals = module.Locals.Keys.ToHashSet();
        var resources = module.Resources.Select(r => r.Address).ToHashSet();
        var data = module.DataSources.Select(d => "data." + d.Address).ToHashSet();
        var dynamicLabels = new HashSet<string>();
        var used = new HashSet<string>();
        foreach (var (file, root) in module.Files.Where(f => f.Key.EndsWith(".tf", StringComparison.Ordinal)))
        {
            foreach (var (path, text) in Strings(root, string.Empty, dynamicLabels))
            {
                var insideOwnVariable = path.StartsWith("variable.", StringComparison.Ordinal);
                foreach (var reference in HclReferences.In(text))
                {
                    var parts = reference.Split('.');
                    var (kind, key, declared) = parts[0] switch
                    {
                        "var" => ("variable", parts[1], variables.Contains(parts[1])),
                        "local" => ("local", parts[1], locals.Contains(parts[1])),
                        "data" => ("data source", $"data.{parts[1]}.{parts[2]}", data.Contains($"data.{parts[1]}.{parts[2]}")),
                        _ when dynamicLabels.Contains(parts[0]) || BuiltinRoots.Contains(parts[0]) => ("iterator", reference, true),
                        _ => ("resource", $"{parts[0]}.{parts[1]}", resources.Contains($"{parts[0]}.{parts[1]}")),
                    };
                    if (!declared)
                    {
                        problems.Add($"{file}: {path}: reference to an undeclared {kind}: `{reference}`.");
                    }

                    if (!insideOwnVariable)
                    {
                        used.Add($"{parts[0]}.{parts[1]}");
                    }
                }
            }
        }

        problems.AddRange(variables.Where(v => !used.Contains($"var.{v}")).Select(v => $"variable `{v}` is declared but never used."));
        problems.AddRange(locals.Where(l => !used.Contains($"local.{l}")).Select(l => $"local `{l}` is declared but never used."));
    }

    /// <summary>Every string value with its path (e.g. <c>resource.oci_core_instance.costsync.metadata.user_data</c>).</summary>
    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path, HashSet<string> dynamicLabels)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "dynamic" && value is JsonObject labels)
                    {
                        dynamicLabels.UnionWith(labels.Select(l => l.Key));
                    }

                    foreach (var item in Strings(value, path.Length == 0 ? key : $"{path}.{key}", dynamicLabels))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.SelectMany(v => Strings(v, path, dynamicLabels)))
                {
                    yield return item;
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (path, value.GetValue<string>());
                break;
        }
    }
}
