using System.Security.Cryptography;
using System.Text;

namespace CostSync.Sync.Validation;

/// <summary>
/// Tells a report's family from its header, checks the columns every report of that family has, and fingerprints the column
/// list for schema drift. Names are compared trimmed (OCI's FOCUS header has <c>PricingCurrencyEffectiveCost </c> with a trailing
/// space), the fingerprint uses them as written. Column lists: OCI's published FOCUS 1.0 reports and proprietary CSV schemas.
/// </summary>
internal static class ReportFamilies
{
    /// <summary>FOCUS columns present in every version OCI has published (1.0-preview through 1.2).</summary>
    private static readonly string[] FocusCore =
        ["BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"];

    /// <summary>Columns every OCI proprietary cost or usage report starts with.</summary>
    private static readonly string[] OciCore =
        ["lineItem/referenceNo", "lineItem/tenantId", "lineItem/intervalUsageStart", "lineItem/intervalUsageEnd", "product/service", "product/resourceId"];

    /// <summary>Free-form tag columns (<c>tags/&lt;namespace&gt;.&lt;key&gt;</c>) come and go with the tenancy's tags: never schema drift.</summary>
    private const string TagPrefix = "tags/";

    /// <summary>The family of a header, or why it is none.</summary>
    public static (ReportFamily? Family, string? Problem) Recognize(IReadOnlyList<string> columns)
    {
        var names = columns.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var oci = columns.Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (FocusCore.Any(names.Contains))
        {
            var missing = FocusCore.Where(c => !names.Contains(c)).ToList();
            return missing.Count == 0 ? (ReportFamily.Focus, null) : (null, $"a FOCUS header without {Join(missing)}");
        }

        if (oci.Any(c => c.StartsWith("lineItem/", StringComparison.OrdinalIgnoreCase)))
        {
            var missing = OciCore.Where(c => !oci.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                return (null, $"an OCI cost/usage report header without {Join(missing)}");
            }

            return oci.Contains("cost/myCost")
                ? (ReportFamily.OciCost, null)
                : oci.Contains("usage/consumedQuantity")
                    ? (ReportFamily.OciUsage, null)
                    : (null, "an OCI report header with neither cost/myCost (cost report) nor usage/consumedQuantity (usage report)");
        }

        return (null, $"no known header: the first line ({columns.Count} field{(columns.Count == 1 ? string.Empty : "s")}) names none of FOCUS's columns (BilledCost, ChargePeriodStart, …) nor OCI's (lineItem/referenceNo, …); a report without its header line, or another kind of file");
    }

    /// <summary>The columns schema drift compares: all but the <c>tags/…</c> ones, in order, exactly as written.</summary>
    public static IReadOnlyList<string> SchemaColumns(IReadOnlyList<string> columns) =>
        [.. columns.Where(c => !c.TrimStart().StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase))];

    /// <summary>16 hex digits of the SHA-256 of <see cref="SchemaColumns"/> joined by line breaks.</summary>
    public static string Fingerprint(IReadOnlyList<string> columns) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', SchemaColumns(columns)))).AsSpan(0, 8));

    /// <summary>The family's name for people.</summary>
    public static string Describe(ReportFamily family) => family switch
    {
        ReportFamily.Focus => "FOCUS",
        ReportFamily.OciCost => "OCI cost CSV",
        _ => "OCI usage CSV",
    };

    /// <summary>The family's token in the ledger (stable: never renamed).</summary>
    public static string Token(ReportFamily family) => family switch
    {
        ReportFamily.Focus => "focus",
        ReportFamily.OciCost => "oci-cost",
        _ => "oci-usage",
    };

    /// <summary>The family a ledger token names, or null for one this version does not know.</summary>
    public static ReportFamily? FromToken(string? token) => token switch
    {
        "focus" => ReportFamily.Focus,
        "oci-cost" => ReportFamily.OciCost,
        "oci-usage" => ReportFamily.OciUsage,
        _ => null,
    };

    private static string Join(List<string> names) => string.Join(", ", names);
}
