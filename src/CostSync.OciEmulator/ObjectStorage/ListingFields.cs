namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>The <c>fields</c> query parameter of ListObjects: a case-insensitive subset; name is always returned.</summary>
internal sealed class ListingFields
{
    private static readonly string[] Known = ["name", "size", "etag", "md5", "timeCreated", "timeModified", "storageTier", "archivalState"];

    private readonly HashSet<string> _fields;

    private ListingFields(HashSet<string> fields) => _fields = fields;

    public bool Has(string field) => _fields.Contains(field);

    /// <returns>The fields, or <see langword="null"/> with <paramref name="error"/> naming the unknown field.</returns>
    public static ListingFields? Parse(string? value, out string? error)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal) { "name" };
        error = null;
        foreach (string part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string? known = Known.FirstOrDefault(k => string.Equals(k, part, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                error = $"Invalid fields value '{part}'; allowed: {string.Join(',', Known)}.";
                return null;
            }

            fields.Add(known);
        }

        return new ListingFields(fields);
    }
}
