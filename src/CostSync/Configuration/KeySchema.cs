using System.Reflection;

namespace CostSync.Configuration;

/// <summary>
/// The configuration keys the options classes bind, as a tree: a node per property, lists take numeric indexes,
/// dictionaries take any name. Built from the types by reflection, so a property added to an options class is known at once.
/// </summary>
internal sealed class KeySchema
{
    private readonly Dictionary<string, KeySchema> _children = new(StringComparer.OrdinalIgnoreCase);

    private KeySchema(KeyShape shape, KeySchema? element = null)
    {
        Shape = shape;
        Element = element;
    }

    /// <summary>How the node takes children.</summary>
    public KeyShape Shape { get; }

    /// <summary>The schema of each item of a list or dictionary.</summary>
    public KeySchema? Element { get; }

    /// <summary>The named children of an object node, in declaration order.</summary>
    public IEnumerable<string> ChildNames => _children.Keys;

    /// <summary>The schema of a root section and the options types mounted under it (e.g. <c>CostSync:Oci</c>).</summary>
    public static KeySchema Build(string root, IEnumerable<(string Section, Type Type)> sections)
    {
        var schema = new KeySchema(KeyShape.Object);
        foreach (var (section, type) in sections.OrderBy(s => s.Section.Length))
        {
            var node = schema;
            foreach (var segment in section.Split(':').Skip(root.Split(':').Length))
            {
                if (!node._children.TryGetValue(segment, out var child))
                {
                    child = new KeySchema(KeyShape.Object);
                    node._children.Add(segment, child);
                }

                node = child;
            }

            node.AddProperties(type);
        }

        return schema;
    }

    /// <summary>The child for one key segment, or null when the key is not known here.</summary>
    public KeySchema? Child(string segment) => Shape switch
    {
        KeyShape.Object => _children.GetValueOrDefault(segment),
        KeyShape.List => int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? Element : null,
        KeyShape.Dictionary => Element,
        _ => null,
    };

    private void AddProperties(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                _children[property.Name] = For(property.PropertyType);
            }
        }
    }

    private static KeySchema For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid))
        {
            return new KeySchema(KeyShape.Value);
        }

        if (type.IsArray)
        {
            return new KeySchema(KeyShape.List, For(type.GetElementType()!));
        }

        var dictionary = GenericInterface(type, typeof(IDictionary<,>)) ?? GenericInterface(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return new KeySchema(KeyShape.Dictionary, For(dictionary.GetGenericArguments()[1]));
        }

        if (GenericInterface(type, typeof(IEnumerable<>)) is { } enumerable)
        {
            return new KeySchema(KeyShape.List, For(enumerable.GetGenericArguments()[0]));
        }

        var node = new KeySchema(KeyShape.Object);
        node.AddProperties(type);
        return node;
    }

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
