using System.Globalization;

namespace CostSync.Sync.Validation;

/// <summary>
/// Compares each report copied in a run with the report of its family published just before it (OCI's creation time, then name),
/// whether that one was archived by an earlier run or by this one. Only the run's reports are judged, so a drift is reported
/// once: by the run that archives the first report with the new columns.
/// </summary>
internal static class SchemaDriftJudge
{
    private const int NamesShown = 10;

    /// <summary>One report with a known schema: archived before, or copied by this run (<paramref name="Copied"/>).</summary>
    public sealed record Report(ReportFamily Family, string Name, string Key, DateTimeOffset Time, string Schema, IReadOnlyList<string>? Columns, bool Copied);

    /// <param name="archived">Reports recorded in the ledger before the run (those copied again by it are left out here).</param>
    /// <param name="copied">The run's valid reports.</param>
    /// <param name="columnsOf">The columns of a fingerprint, when some ledger entry keeps them.</param>
    public static IReadOnlyList<SchemaDrift> Judge(IEnumerable<Report> archived, IReadOnlyCollection<Report> copied, Func<string, IReadOnlyList<string>?> columnsOf)
    {
        var recopied = copied.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var drifts = new List<SchemaDrift>();
        foreach (var family in archived.Where(a => !recopied.Contains(a.Key)).Concat(copied).GroupBy(r => r.Family))
        {
            var ordered = family.OrderBy(r => r.Time).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, report) = (ordered[i - 1], ordered[i]);
                if (report.Copied && previous.Schema != report.Schema)
                {
                    drifts.Add(Describe(previous, report, previous.Columns ?? columnsOf(previous.Schema)));
                }
            }
        }

        return drifts;
    }

    private static SchemaDrift Describe(Report previous, Report report, IReadOnlyList<string>? before)
    {
        var family = ReportFamilies.Describe(report.Family);
        var after = report.Columns ?? [];
        var start = $"Schema drift in {family} reports: {report.Name}";
        var end = $"compared with the previous report {previous.Name}; loaders that read these reports by column name or position may need a change";
        if (before is null)
        {
            return new SchemaDrift(report.Family, report.Name, previous.Name, previous.Schema, report.Schema, [], [],
                $"{start} has other columns (schema {previous.Schema} → {report.Schema}) {end}.");
        }

        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        var changes = new List<string>();
        if (added.Count > 0)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"{added.Count} new column{Plural(added.Count)} ({Names(added)})"));
        }

        if (removed.Count > 0)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"{removed.Count} column{Plural(removed.Count)} fewer ({Names(removed)})"));
        }

        if (changes.Count == 0)
        {
            changes.Add("the same columns in another order");
        }

        return new SchemaDrift(report.Family, report.Name, previous.Name, previous.Schema, report.Schema, added, removed,
            $"{start} has {string.Join(" and ", changes)}, {end}.");
    }

    /// <summary>Quoted, so a trailing space shows: <c>'PricingCurrencyEffectiveCost '</c>.</summary>
    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(NamesShown).Select(n => $"'{n}'")) +
        (names.Count > NamesShown ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - NamesShown} more") : string.Empty);

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
