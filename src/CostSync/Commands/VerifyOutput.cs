using System.Globalization;
using System.Text;
using System.Text.Json;
using CostSync.Formatting;
using CostSync.Sync.Verification;

namespace CostSync.Commands;

/// <summary>What <c>verify</c> prints: a heading, one line per problem with its fix, notes, a summary; or one JSON document.</summary>
internal static class VerifyOutput
{
    public static string Heading(string destination, VerifyRequest request)
    {
        var scope = request.NamePrefix is { } prefix ? $" (reports under `{prefix}`)" : string.Empty;
        var reading = request.SamplePercent is { } percent
            ? string.Create(CultureInfo.InvariantCulture, $"reading back a sample of {percent:0.###}% of the recorded objects, seed {request.Seed} (repeat this sample with `--sample {percent:0.###} --seed {request.Seed}`)")
            : "reading back every recorded object";
        var source = request.AgainstSource ? "; then comparing with the source" : string.Empty;
        return $"Verifying {destination}{scope} against its ledger: {reading}{source}.";
    }

    public static string Text(VerifyReport report, VerifyRequest request)
    {
        var text = new StringBuilder();
        foreach (var p in report.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Label(p.Kind),-18} {p.Key}: {p.Detail}. Fix: {p.Fix}\n");
        }

        foreach (var note in report.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{"NOTE",-18} {note}.\n");
        }

        var count = Counts(report);
        var matched = report.ReadBack.Count(r => r.Matched);
        text.Append(CultureInfo.InvariantCulture, $"Summary: {report.Recorded} objects recorded in the ledger, {report.ReadBack.Count} read back ({Units.Bytes(report.BytesRead)}), {matched} matched; ");
        text.Append(CultureInfo.InvariantCulture, $"{count[VerifyProblemKind.Missing]} missing, {count[VerifyProblemKind.Changed]} changed, {count[VerifyProblemKind.Unrecorded]} unrecorded, {count[VerifyProblemKind.Unreadable]} unreadable; ");
        text.Append(CultureInfo.InvariantCulture, $"{report.Foreign} objects not written by CostSync (left alone).");
        if (report.SourceListed is { } listed)
        {
            text.Append(CultureInfo.InvariantCulture, $" Source: {listed} reports listed, {count[VerifyProblemKind.NotArchived]} not archived, {count[VerifyProblemKind.ChangedAtSource]} changed at the source, {report.OnlyInArchive} archived reports no longer at the source.");
        }

        text.Append('\n');
        var sample = request.SamplePercent is not null ? string.Create(CultureInfo.InvariantCulture, $" (sample seed {request.Seed})") : string.Empty;
        text.Append(report.Intact
            ? $"Result: OK, the archive matches its ledger{(report.SourceListed is null ? string.Empty : " and the source")}{sample}.\n"
            : string.Create(CultureInfo.InvariantCulture, $"Result: {report.Problems.Count} problem(s) found{sample}; exit code {ExitCodes.VerifyFoundProblems}.\n"));
        return text.ToString();
    }

    public static string Json(VerifyReport report, VerifyRequest request)
    {
        var count = Counts(report);
        var document = new
        {
            report.Destination,
            report.Prefix,
            request.NamePrefix,
            Sample = request.SamplePercent is { } percent ? new { Percent = percent, request.Seed } : null,
            request.AgainstSource,
            report.Intact,
            Summary = new
            {
                report.Recorded,
                report.Listed,
                ReadBack = report.ReadBack.Count,
                report.BytesRead,
                Matched = report.ReadBack.Count(r => r.Matched),
                Missing = count[VerifyProblemKind.Missing],
                Changed = count[VerifyProblemKind.Changed],
                Unrecorded = count[VerifyProblemKind.Unrecorded],
                Unreadable = count[VerifyProblemKind.Unreadable],
                report.Foreign,
                report.SourceListed,
                NotArchived = count[VerifyProblemKind.NotArchived],
                ChangedAtSource = count[VerifyProblemKind.ChangedAtSource],
                report.OnlyInArchive,
            },
            report.Problems,
            report.Notes,
            report.ReadBack,
        };
        return JsonSerializer.Serialize(document, CommandJson.Options) + "\n";
    }

    private static Dictionary<VerifyProblemKind, int> Counts(VerifyReport report) =>
        Enum.GetValues<VerifyProblemKind>().ToDictionary(k => k, k => report.Problems.Count(p => p.Kind == k));

    private static string Label(VerifyProblemKind kind) => kind switch
    {
        VerifyProblemKind.Missing => "MISSING",
        VerifyProblemKind.Changed => "CHANGED",
        VerifyProblemKind.Unrecorded => "UNRECORDED",
        VerifyProblemKind.Unreadable => "UNREADABLE",
        VerifyProblemKind.NotArchived => "NOT ARCHIVED",
        VerifyProblemKind.ChangedAtSource => "SOURCE CHANGED",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
