using System.Text.Json;
using CostSync.Evidence;
using CostSync.Sync;
using CostSync.Sync.Integrity;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Evidence;

public sealed class EvidenceMarkdownTests
{
    private static readonly EvidenceOrigin Origin = new(
        new EvidenceBuild("1.4.0", "0123abcd"),
        "vm-1",
        new EvidencePrincipal("InstancePrincipal", "instance principal", "ocid1.tenancy.oc1..t"),
        "oci://bling/ocid1.tenancy.oc1..t",
        new EvidenceDestination("s3://cost-reports", "oci/"),
        new EvidenceSchedule("0 */6 * * *", "UTC", Results.Start.AddHours(6)));

    [Fact]
    public void Render_InvalidContentAndWarnings_CountedInTheSummaryAndListedUnderWarnings()
    {
        var result = Results.Succeeded() with
        {
            Totals = Results.Succeeded().Totals with { InvalidContent = 2 },
            Warnings = ["Schema drift in FOCUS Reports: column `X` added"],
        };

        var evidence = EvidenceBuilder.Build(result, Origin);
        var sut = EvidenceMarkdown.Render(evidence);

        Assert.Contains("| Invalid content | 2 |", Section(sut, EvidenceMarkdown.SummaryHeading), StringComparison.Ordinal);
        Assert.Contains("- Schema drift in FOCUS Reports: column \\`X\\` added", Section(sut, EvidenceMarkdown.WarningsHeading), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(EvidenceRecorder.Json(evidence));
        Assert.Equal(2, json.RootElement.GetProperty("counts").GetProperty("invalidContent").GetInt32());
        Assert.Equal("Schema drift in FOCUS Reports: column `X` added", Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
    }

    [Fact]
    public void Render_CopiedObjects_OneRowEachWithChecksKeyAndVersionInNameOrder()
    {
        var copy = new ArchivedCopy("oci/FOCUS Reports/2026/b.csv.gz", 1234, "etag", "v-7", VerificationChecks.OciCrc32c | VerificationChecks.DestinationContentMd5 | VerificationChecks.DestinationFullObjectCrc32c);
        var result = Results.Succeeded(copied: 0) with
        {
            Outcomes =
            [
                new ObjectOutcome("FOCUS Reports/2026/b.csv.gz", PlannedAction.CopyChanged, true, 1234, null) { Copy = copy, SupersededKey = "oci/.costsync/superseded/FOCUS Reports/2026/b.csv.gz/old" },
                new ObjectOutcome("FOCUS Reports/2026/a|b_c.csv.gz", PlannedAction.CopyNew, true, 5, null) { Copy = copy with { Key = "oci/FOCUS Reports/2026/a|b_c.csv.gz", Size = 5, VersionId = null, Checks = VerificationChecks.OciMd5 | VerificationChecks.DestinationContentMd5 } },
            ],
        };

        var sut = EvidenceMarkdown.Render(EvidenceBuilder.Build(result, Origin));

        var rows = Section(sut, EvidenceMarkdown.ObjectsHeading).Split('\n').Where(l => l.StartsWith("| FOCUS", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "| FOCUS Reports/2026/a\\|b\\_c.csv.gz | 5 | OCI MD5, S3 Content-MD5 | oci/FOCUS Reports/2026/a\\|b\\_c.csv.gz | - |",
                "| FOCUS Reports/2026/b.csv.gz | 1,234 | OCI CRC32C, S3 Content-MD5, S3 full-object CRC32C | oci/FOCUS Reports/2026/b.csv.gz | v-7 |",
            ],
            rows);
    }

    [Fact]
    public void Render_FailedRun_RunErrorInTheSummaryAndNoObjects()
    {
        var sut = EvidenceMarkdown.Render(EvidenceBuilder.Build(Results.Failed(), Origin));

        Assert.StartsWith("# CostSync run run-failed: Failed\n", sut, StringComparison.Ordinal);
        Assert.Contains("| Run error | The source could not be listed: 404 BucketNotFound |", Section(sut, EvidenceMarkdown.SummaryHeading), StringComparison.Ordinal);
        Assert.Contains("None: this run wrote no report to the archive.", Section(sut, EvidenceMarkdown.ObjectsHeading), StringComparison.Ordinal);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, markdown);
        var end = markdown.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }
}
