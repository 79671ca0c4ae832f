using CostSync.Sync.Configuration;

namespace CostSync.Sync.Validation;

/// <summary>What validation found in one report's content (its bytes are archived unchanged either way).</summary>
/// <param name="Mode">How much was checked.</param>
/// <param name="Family">The report family its header belongs to; null when it has no known header.</param>
/// <param name="Problem">Why the content is not a valid report, for people (never the report's data); null when valid.</param>
public sealed record ContentCheck(ValidationMode Mode, ReportFamily? Family, string? Problem)
{
    /// <summary>True when nothing was wrong with what was checked.</summary>
    public bool IsValid => Problem is null;

    /// <summary>The header's column names exactly as written (a trailing space kept), without a byte order mark; empty when there is no header.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>A short fingerprint of the header's columns in order, <c>tags/…</c> columns left out; what schema drift compares.</summary>
    public string? Schema { get; init; }

    /// <summary>True when the content started with a UTF-8 byte order mark (tolerated).</summary>
    public bool ByteOrderMark { get; init; }

    /// <summary>Data lines (records) after the header; only counted by <see cref="ValidationMode.Full"/>.</summary>
    public long? Rows { get; init; }
}
