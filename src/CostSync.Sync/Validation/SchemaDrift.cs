namespace CostSync.Sync.Validation;

/// <summary>A report whose columns differ from those of the previous report of its family (by OCI's creation time).</summary>
/// <param name="Family">The report family.</param>
/// <param name="Name">The report with the new columns.</param>
/// <param name="PreviousName">The previous report of the family, with the old columns.</param>
/// <param name="PreviousSchema">The old columns' fingerprint.</param>
/// <param name="Schema">The new columns' fingerprint.</param>
/// <param name="Added">Columns the report has and the previous one had not (empty when the old columns are not known).</param>
/// <param name="Removed">Columns the previous report had and this one has not.</param>
/// <param name="Message">One sentence for logs, alerts and the run's warnings.</param>
public sealed record SchemaDrift(
    ReportFamily Family,
    string Name,
    string PreviousName,
    string PreviousSchema,
    string Schema,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    string Message);
