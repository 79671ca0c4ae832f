namespace CostSync.Sync.Ledger;

/// <summary>On a copy's ledger entry: what validation found in the report (absent when it was not validated).</summary>
/// <param name="Check">The validation mode that ran: <c>Header</c> or <c>Full</c>.</param>
internal sealed record LedgerContent(string Check)
{
    /// <summary>The report family's token (<c>focus</c>, <c>oci-cost</c>, <c>oci-usage</c>); absent for an invalid report without a known header.</summary>
    public string? Family { get; init; }

    /// <summary>The fingerprint of the header's columns (<c>tags/…</c> ones left out); what schema drift compares.</summary>
    public string? Schema { get; init; }

    /// <summary>
    /// The columns behind <see cref="Schema"/>, exactly as written. Kept on one entry per fingerprint (not on every entry, so the
    /// ledger stays small), so a later drift can say which columns came and went.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Why the content is not a valid report; the object is archived byte for byte anyway.</summary>
    public string? Problem { get; init; }
}
