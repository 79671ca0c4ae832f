using System.Globalization;
using System.Text;
using CostSync.Formatting;

namespace CostSync.Evidence;

/// <summary>
/// Renders evidence for an auditor: a summary table first, then failures, then warnings, and the list of copied objects last,
/// each object with the checks that vouched for its bytes.
/// </summary>
internal static class EvidenceMarkdown
{
    public const string SummaryHeading = "## Summary";
    public const string FailuresHeading = "## Failures";
    public const string WarningsHeading = "## Warnings";
    public const string ObjectsHeading = "## Objects copied";

    public static string Render(RunEvidence e)
    {
        var md = new StringBuilder();
        Line(md, $"# CostSync run {Text(e.RunId)}: {e.Status}");
        Line(md);
        Line(md, SummaryHeading);
        Line(md);
        Line(md, "| | |");
        Line(md, "|---|---|");
        Row(md, "Status", e.Status.ToString());
        Row(md, "Started", Units.Time(e.StartedAt));
        Row(md, "Ended", $"{Units.Time(e.EndedAt)} ({Units.Duration(e.EndedAt - e.StartedAt)})");
        Row(md, "CostSync", $"{e.CostSync.Version} (commit {e.CostSync.Commit})");
        Row(md, "Host", e.Host);
        Row(md, "OCI principal", $"{e.Oci.Kind}: {e.Oci.Principal}");
        Row(md, "Tenancy", e.Oci.Tenancy);
        Row(md, "Source", e.Source);
        Row(md, "Destination", e.Destination.Prefix.Length == 0 ? e.Destination.Location : $"{e.Destination.Location}, prefix {e.Destination.Prefix}");
        Row(md, "Schedule", $"{e.Schedule.Cron} ({e.Schedule.TimeZone}); next run {Units.Time(e.Schedule.NextRun)}");
        var c = e.Counts;
        Row(md, "Listed", Number(c.Listed));
        Row(md, "Copied (new)", Number(c.Copied));
        Row(md, "Changed (copied again)", Number(c.Changed));
        Row(md, "Superseded (old bytes kept)", Number(c.Superseded));
        Row(md, "Skipped (unchanged)", Number(c.Skipped));
        Row(md, "Failed", Number(c.Failed));
        Row(md, "Gone from the source", Number(c.Gone));
        Row(md, "Invalid content", Number(c.InvalidContent));
        if (c.Deleted > 0)
        {
            Row(md, "Deleted (Mirror mode)", Number(c.Deleted));
        }

        Row(md, "Bytes copied", string.Create(CultureInfo.InvariantCulture, $"{e.Bytes:N0} ({Units.Bytes(e.Bytes)})"));
        if (e.Error is { } error)
        {
            Row(md, "Run error", error);
        }

        Line(md);
        Line(md, FailuresHeading);
        Line(md);
        if (e.Failures.Count == 0)
        {
            Line(md, "None.");
        }

        foreach (var f in e.Failures)
        {
            Line(md, $"- {Code(f.Name)} ({f.Action}): {Text(f.Error)}");
        }

        Line(md);
        Line(md, WarningsHeading);
        Line(md);
        if (e.Warnings.Count == 0)
        {
            Line(md, "None.");
        }

        foreach (var w in e.Warnings)
        {
            Line(md, $"- {Text(w)}");
        }

        Line(md);
        Line(md, ObjectsHeading);
        Line(md);
        if (e.Objects.Count == 0)
        {
            Line(md, "None: this run wrote no report to the archive.");
            return md.ToString();
        }

        Line(md, $"Checks: {Legend(e.Destination.Location)}");
        Line(md);
        Line(md, "| Source object | Bytes | Checks | Destination key | Version |");
        Line(md, "|---|--:|---|---|---|");
        foreach (var o in e.Objects)
        {
            var checks = string.Join(", ", o.Checks.Select(k => Label(k, e.Destination.Location)));
            if (o.Doubt is not null)
            {
                checks += "; DOUBT (see Failures)";
            }

            Line(md, $"| {Cell(o.Name)} | {Number(o.Size)} | {Cell(checks)} | {Cell(o.Key)} | {Cell(o.VersionId ?? "-")} |");
        }

        return md.ToString();
    }

    private static string Legend(string location) =>
        $"{Label("OciMd5", location)} = the bytes read hash to the MD5 OCI listed; {Label("OciCrc32c", location)} = they hash to OCI's opc-content-crc32c; " +
        $"{Label("DestinationContentMd5", location)} = the destination checked the MD5 of every request before storing it; " +
        $"{Label("DestinationETag", location)} = its ETag is the MD5 of the bytes; {Label("DestinationFullObjectCrc32c", location)} = it reports the same CRC-32C for the whole object.";

    /// <summary>A check's name for people; the destination's checks are named after the store that made them.</summary>
    private static string Label(string check, string location)
    {
        var store = location.StartsWith("s3://", StringComparison.Ordinal) ? "S3" : "Directory";
        return check switch
        {
            "OciMd5" => "OCI MD5",
            "OciCrc32c" => "OCI CRC32C",
            "DestinationContentMd5" => $"{store} Content-MD5",
            "DestinationETag" => $"{store} ETag",
            "DestinationFullObjectCrc32c" => $"{store} full-object CRC32C",
            _ => check,
        };
    }

    private static void Row(StringBuilder md, string name, string value) => Line(md, $"| {name} | {Cell(value)} |");

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Text inside a table cell: Markdown and table syntax escaped, one line.</summary>
    private static string Cell(string text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text that renders as itself: Markdown's inline syntax escaped, line breaks flattened.</summary>
    private static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\r' or '\n')
            {
                sb.Append(' ');
                continue;
            }

            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>An object name as inline code, with a fence longer than any backtick run inside it.</summary>
    private static string Code(string text)
    {
        var flat = text.Replace('\r', ' ').Replace('\n', ' ');
        var longest = 0;
        var run = 0;
        foreach (var ch in flat)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        return $"{fence} {flat} {fence}";
    }
}
