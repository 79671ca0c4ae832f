using CostSync.Sync.Ledger;

namespace CostSync.Sync.Validation;

/// <summary>
/// One run's view of report content: turns each copy's <see cref="ContentCheck"/> into its ledger record and judges schema drift
/// at the end against the ledger, which is where "the previous report" lives: it survives restarts, a rebuilt VM and a second
/// CostSync process on the same prefix, and it is the audit trail anyway. Each fingerprint's column list is kept on one ledger
/// entry (no entry of another key keeps it yet), so the ledger grows by a short fingerprint per report, not its whole header.
/// Thread-safe: copies record in parallel.
/// </summary>
internal sealed class RunContent
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _carriers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _columns = new(StringComparer.Ordinal);
    private readonly List<SchemaDriftJudge.Report> _archived = [];
    private readonly List<SchemaDriftJudge.Report> _copied = [];

    public RunContent(LedgerState ledger)
    {
        foreach (var entry in ledger.Entries)
        {
            if (entry.Deleted == true || entry.Content is not { Schema: { } schema } content || ReportFamilies.FromToken(content.Family) is not { } family)
            {
                continue;
            }

            _archived.Add(new SchemaDriftJudge.Report(family, entry.Name, entry.Key, entry.TimeCreated ?? entry.CopiedAt, schema, null, Copied: false));
            if (content.Columns is { } columns)
            {
                _columns.TryAdd(schema, columns);
                Carriers(schema).Add(entry.Key);
            }
        }
    }

    /// <summary>The ledger record of what validation found in a copied report (null when it was not validated); remembered for <see cref="Drifts"/>.</summary>
    public LedgerContent? Record(PlannedItem item, ContentCheck? check)
    {
        if (check is null)
        {
            return null;
        }

        var content = new LedgerContent(check.Mode.ToString())
        {
            Family = check.Family is { } known ? ReportFamilies.Token(known) : null,
            Problem = check.Problem,
        };
        if (!check.IsValid || check.Family is not { } family || check.Schema is not { } schema)
        {
            return content;
        }

        var columns = ReportFamilies.SchemaColumns(check.Columns);
        lock (_gate)
        {
            var carriers = Carriers(schema);
            var keep = carriers.All(key => key == item.DestinationKey);
            if (keep)
            {
                carriers.Add(item.DestinationKey);
            }

            _columns.TryAdd(schema, columns);
            _copied.Add(new SchemaDriftJudge.Report(family, item.Name, item.DestinationKey, item.Source?.TimeCreated ?? DateTimeOffset.MaxValue, schema, columns, Copied: true));
            return content with { Schema = schema, Columns = keep ? columns : null };
        }
    }

    /// <summary>The run's reports whose columns differ from the previous report of their family.</summary>
    public IReadOnlyList<SchemaDrift> Drifts()
    {
        lock (_gate)
        {
            return SchemaDriftJudge.Judge(_archived, _copied, schema => _columns.GetValueOrDefault(schema));
        }
    }

    private HashSet<string> Carriers(string schema)
    {
        if (!_carriers.TryGetValue(schema, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            _carriers[schema] = keys;
        }

        return keys;
    }
}
