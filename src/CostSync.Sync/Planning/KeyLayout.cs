namespace CostSync.Sync.Planning;

/// <summary>
/// Where things go at the destination: objects at <c>&lt;Prefix&gt;[/&lt;tenancy OCID&gt;]/&lt;source name&gt;</c> exactly
/// (prefix trimmed of slashes, no re-encoding), the ledger at <c>&lt;root&gt;/.costsync/ledger.jsonl</c>.
/// </summary>
internal sealed class KeyLayout
{
    public const string InternalFolder = ".costsync/";

    public KeyLayout(string? prefix, string? tenancyFolder)
    {
        var root = (prefix ?? string.Empty).Trim('/');
        if (!string.IsNullOrEmpty(tenancyFolder))
        {
            root = root.Length == 0 ? tenancyFolder : $"{root}/{tenancyFolder}";
        }

        ListPrefix = root.Length == 0 ? string.Empty : root + "/";
    }

    /// <summary>Every key CostSync writes starts with this (empty or ending in <c>/</c>).</summary>
    public string ListPrefix { get; }

    public string LedgerKey => ListPrefix + InternalFolder + "ledger.jsonl";

    public string KeyFor(string sourceName) => ListPrefix + sourceName;

    /// <summary>The source name a key belongs to, or <see langword="null"/> for keys outside the layout and CostSync's own files.</summary>
    public string? NameOf(string key)
    {
        if (!key.StartsWith(ListPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = key[ListPrefix.Length..];
        return name.StartsWith(InternalFolder, StringComparison.Ordinal) || name.Length == 0 ? null : name;
    }
}
