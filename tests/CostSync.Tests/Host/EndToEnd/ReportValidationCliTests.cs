using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>Report validation through the CLI: the OCI emulator's generated bling tree, a Directory destination, ONS alerts through the emulator.</summary>
public sealed class ReportValidationCliTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _cli.ToDirectory();
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_ReportWithInvalidContent_ExitsZeroWarnsAndAlertsOnceForIt()
    {
        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/23/broken.csv.gz", "AvailabilityZone,BilledCost\n"u8.ToArray());

        var first = await _cli.RunAsync(["--once"], Ct);
        var second = await _cli.RunAsync(["--once"], Ct);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.EndsWith(": 1 report(s) with invalid content", alert.Title, StringComparison.Ordinal);
        Assert.Contains("- FOCUS Reports/2026/11/23/broken.csv.gz: not a gzip stream: it looks like uncompressed text", alert.Body, StringComparison.Ordinal);
        Assert.Contains("byte for byte", alert.Body, StringComparison.Ordinal);
        var summaries = _cli.Logs.GetSnapshot().Where(r => r.Id.Name == "RunSummary").ToList();
        Assert.Contains("; WARNING: 1 report(s) archived with invalid content", summaries[0].Message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, summaries[0].Level);
        Assert.DoesNotContain("WARNING", summaries[1].Message, StringComparison.Ordinal);
        Assert.Contains(_cli.Logs.GetSnapshot(), r => r.Id.Name == "InvalidContent" && r.Message.Contains("broken.csv.gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_SchemaDrift_AlertsOnceNotEveryRun()
    {
        var changed = ReportCsv.FocusHeader.Replace(",oci_BackReferenceNumber", ",oci_BackReferenceNumber,oci_ContractId", StringComparison.Ordinal);
        var now = TimeProvider.System.GetUtcNow();

        var quiet = await _cli.RunAsync(["--once"], Ct);
        _cli.Emulator.Objects.Put("FOCUS Reports/new/first-with-new-columns.csv.gz", ReportBytes.FocusWithHeader(changed, byteOrderMark: true), created: now.AddMinutes(-2));
        var drifted = await _cli.RunAsync(["--once"], Ct);
        _cli.Emulator.Objects.Put("FOCUS Reports/new/second-with-new-columns.csv.gz", ReportBytes.FocusWithHeader(changed, byteOrderMark: true), created: now.AddMinutes(-1));
        var same = await _cli.RunAsync(["--once"], Ct);
        var nothingNew = await _cli.RunAsync(["--once"], Ct);

        Assert.All([quiet, drifted, same, nothingNew], r => Assert.True(r.ExitCode == 0, r.ToString()));
        var alert = Assert.Single(_cli.Emulator.Notifications.Messages);
        Assert.EndsWith(": 1 report(s) with new columns", alert.Title, StringComparison.Ordinal);
        Assert.Contains("Schema drift in FOCUS reports: FOCUS Reports/new/first-with-new-columns.csv.gz has 1 new column ('oci_ContractId')", alert.Body, StringComparison.Ordinal);
        Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "SchemaDrift");
    }

    [Fact]
    public async Task Once_ValidationOff_ArchivesAnInvalidReportWithoutAWord()
    {
        _cli.Settings["CostSync:Validation:Mode"] = "Off";
        _cli.Emulator.Objects.Put("FOCUS Reports/2026/11/23/broken.csv.gz", "AvailabilityZone,BilledCost\n"u8.ToArray());

        var result = await _cli.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_cli.Emulator.Notifications.Messages);
        Assert.DoesNotContain(_cli.Logs.GetSnapshot(), r => r.Id.Name is "InvalidContent" or "ContentValid");
    }
}
