namespace CostSync.Sync.Validation;

/// <summary>The kinds of report OCI publishes in <c>bling</c>, told apart by their header line.</summary>
public enum ReportFamily
{
    /// <summary>FOCUS cost reports (<c>FOCUS Reports/…</c>): FinOps FOCUS columns plus OCI's <c>oci_*</c> ones.</summary>
    Focus,

    /// <summary>OCI's proprietary cost reports (<c>reports/cost-csv/…</c>): <c>lineItem/…</c>, <c>product/…</c>, <c>usage/…</c>, <c>cost/…</c>, <c>tags/…</c>.</summary>
    OciCost,

    /// <summary>OCI's proprietary usage reports (<c>reports/usage-csv/…</c>): like cost reports, without the <c>cost/…</c> columns.</summary>
    OciUsage,
}
