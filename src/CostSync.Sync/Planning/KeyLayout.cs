namespace CostSync.Sync.Planning;

/// <summary>
/// Where things go at the destination: objects at <c>&lt;Prefix&gt;[/&lt;tenancy OCID&gt;]/&lt;source name&gt;</c> exactly
/// (prefix trimmed of slashes, no re-encoding); CostSync's own files under <c>&lt;root&gt;/.costsync/</c>: ledger segments and
/// snapshots under <c>ledger/</c>, preserved old bytes under <c>superseded/</c>, each run's evidence under <c>runs/</c>, and the
/// pre-segment <c>ledger.jsonl</c>.
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

    /// <summary>The single-object ledger older versions rewrote each run: read and carried over, never written or deleted.</summary>
    public string LedgerKey => ListPrefix + InternalFolder + "ledger.jsonl";

    /// <summary>Ledger segments (<c>&lt;yyyy&gt;/&lt;run-id&gt;-&lt;writer&gt;-&lt;n&gt;.jsonl</c>) and snapshots live under this.</summary>
    public string LedgerFolder => ListPrefix + InternalFolder + "ledger/";

    /// <summary>Compaction snapshots: the merged ledger plus the list of segments it covers.</summary>
    public string SnapshotFolder => LedgerFolder + "snapshots/";

    /// <summary>Old bytes of reports changed in place, preserved before the overwrite.</summary>
    public string SupersededFolder => ListPrefix + InternalFolder + "superseded/";

    /// <summary>Each run's evidence (<c>&lt;yyyy&gt;/&lt;run-id&gt;.json</c> and <c>.md</c>): written once, never rewritten or deleted.</summary>
    public string RunsFolder => ListPrefix + InternalFolder + "runs/";

    public string KeyFor(string sourceName) => ListPrefix + sourceName;

    /// <summary>Where the bytes of <paramref name="sourceName"/> identified by <paramref name="tag"/> (old ETag or a timestamp) are preserved.</summary>
    public string SupersededKeyFor(string sourceName, string tag) => SupersededFolder + sourceName + "/" + tag;

    /// <summary>True for the legacy ledger object and everything under <see cref="LedgerFolder"/>.</summary>
    public bool IsLedgerObject(string key) =>
        string.Equals(key, LedgerKey, StringComparison.Ordinal) || key.StartsWith(LedgerFolder, StringComparison.Ordinal);

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
