using CostSync.Oci;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Validation;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Sync.EndToEnd;

/// <summary>
/// Report validation over the whole path: the OCI emulator (signatures checked, OCI's real report headers) → the real OCI client
/// → the engine → a Directory destination, or Swift S3 for the multipart copy. A new engine per run, as after a restart.
/// </summary>
public sealed class ReportValidationEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private OciEmulatorServer _emulator = null!;
    private string _config = null!;
    private int _runs;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _config = _emulator.WriteApiKeyConfig(Path.Combine(_directory.Path, "oci"));
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public async Task Run_OciTreeWithItsQuirks_EveryReportIsValidAndTheLedgerKeepsOneColumnListPerSchema(ValidationMode mode)
    {
        BlingTreeGenerator.Generate(_emulator.Objects, BlingTreeOptions.Default, _emulator.TenancyId, Monday);

        var result = await RunAsync(mode);

        Assert.Equal(SyncRunStatus.Succeeded, result.Status);
        Assert.Equal(0, result.Totals.InvalidContent);
        Assert.Empty(result.Warnings);
        var reports = result.Outcomes.Where(o => o.Name.EndsWith(".csv.gz", StringComparison.Ordinal)).ToList();
        Assert.All(reports, o => Assert.True(o.Content is { IsValid: true }, $"{o.Name}: {o.Content?.Problem}"));
        Assert.Contains(reports, o => o.Content!.Family == ReportFamily.Focus && o.Content.ByteOrderMark && o.Content.Columns.Contains("PricingCurrencyEffectiveCost "));
        Assert.Contains(reports, o => o.Content!.Family == ReportFamily.OciCost);
        Assert.Null(Assert.Single(result.Outcomes, o => o.Name == BlingTreeGenerator.ZeroByteName).Content);
        var recorded = (await LedgerAsync()).Where(e => e.Content is not null).ToList();
        Assert.Equal(reports.Count, recorded.Count);
        Assert.All(recorded.GroupBy(e => e.Content!.Schema), schema => Assert.Single(schema, e => e.Content!.Columns is not null));
        Assert.Equal(2, recorded.Select(e => e.Content!.Schema).Distinct().Count());
    }

    [Fact]
    public async Task Run_CorruptGzipAndHeaderlessCsv_AreArchivedByteForByteAndCountedAsInvalidContent()
    {
        var corrupt = ReportBytes.Focus(rows: 300);
        corrupt[corrupt.Length / 2] ^= 0x40;
        var text = ReportBytes.FocusText(rows: 5);
        var headerless = ReportBytes.Gzip(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/corrupt.csv.gz", corrupt, created: Monday);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/headerless.csv.gz", headerless, created: Monday);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/good.csv.gz", ReportBytes.Focus(), created: Monday);

        var result = await RunAsync(ValidationMode.Full);

        Assert.Equal((SyncRunStatus.Succeeded, 3, 2), (result.Status, result.Totals.Copied, result.Totals.InvalidContent));
        Assert.Matches("compressed data is damaged|CRC-32", Outcome(result, "corrupt").Content!.Problem!);
        Assert.StartsWith("no known header", Outcome(result, "headerless").Content!.Problem, StringComparison.Ordinal);
        Assert.False(Outcome(result, "good").HasInvalidContent);
        Assert.Equal(corrupt, await File.ReadAllBytesAsync(Archived("FOCUS Reports/2026/11/22/corrupt.csv.gz"), Ct));
        Assert.Equal(headerless, await File.ReadAllBytesAsync(Archived("FOCUS Reports/2026/11/22/headerless.csv.gz"), Ct));
        var entry = Assert.Single(await LedgerAsync(), e => e.Name.EndsWith("headerless.csv.gz", StringComparison.Ordinal));
        Assert.Equal(("Full", null), (entry.Content!.Check, entry.Content.Schema));
        Assert.StartsWith("no known header", entry.Content.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TruncatedReport_FullModeFindsItHeaderModeDoesNotReadThatFar()
    {
        var report = ReportBytes.Focus(rows: 300);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/truncated.csv.gz", report[..(report.Length * 2 / 3)], created: Monday);

        var header = await RunAsync(ValidationMode.Header);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/truncated-too.csv.gz", report[..(report.Length * 2 / 3)], created: Monday);
        var full = await RunAsync(ValidationMode.Full);

        Assert.Equal(0, header.Totals.InvalidContent);
        Assert.StartsWith("the gzip stream is truncated", Outcome(full, "truncated-too").Content!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidationOff_ChecksAndRecordsNothing()
    {
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/not-gzip.csv.gz", "BilledCost,oops\n"u8.ToArray(), created: Monday);

        var result = await RunAsync(ValidationMode.Off);

        Assert.Equal((SyncRunStatus.Succeeded, 1, 0), (result.Status, result.Totals.Copied, result.Totals.InvalidContent));
        Assert.Null(Assert.Single(result.Outcomes).Content);
        Assert.Null(Assert.Single(await LedgerAsync()).Content);
    }

    [Fact]
    public async Task Run_LaterReportWithOtherColumns_DriftIsReportedOnceByTheRunThatArchivesIt()
    {
        var changed = ReportCsv.FocusHeader.Replace(",Tags,", ",Tags,oci_BillingPlan,", StringComparison.Ordinal).Replace("oci_BackReferenceNumber", "oci_BackReference", StringComparison.Ordinal);
        _emulator.Objects.Put("FOCUS Reports/2026/11/20/a.csv.gz", ReportBytes.Focus(), created: Monday.AddDays(-3));
        _emulator.Objects.Put("FOCUS Reports/2026/11/21/b.csv.gz", ReportBytes.Focus(seed: 2), created: Monday.AddDays(-2));
        var first = await RunAsync(ValidationMode.Header);

        _emulator.Objects.Put("FOCUS Reports/2026/11/22/c.csv.gz", ReportBytes.FocusWithHeader(changed, byteOrderMark: true), created: Monday.AddDays(-1));
        var drifted = await RunAsync(ValidationMode.Header);

        _emulator.Objects.Put("FOCUS Reports/2026/11/23/d.csv.gz", ReportBytes.FocusWithHeader(changed, rows: 7), created: Monday);
        _emulator.Objects.Put("FOCUS Reports/2026/11/19/old.csv.gz", ReportBytes.Focus(seed: 3), created: Monday.AddDays(-4));
        var after = await RunAsync(ValidationMode.Header);
        var nothingNew = await RunAsync(ValidationMode.Header);

        Assert.Empty(first.SchemaDrifts);
        var drift = Assert.Single(drifted.SchemaDrifts);
        Assert.Equal((ReportFamily.Focus, "FOCUS Reports/2026/11/22/c.csv.gz", "FOCUS Reports/2026/11/21/b.csv.gz"), (drift.Family, drift.Name, drift.PreviousName));
        Assert.Equal(["oci_BillingPlan", "oci_BackReference"], drift.Added);
        Assert.Equal(["oci_BackReferenceNumber"], drift.Removed);
        Assert.Equal(
            "Schema drift in FOCUS reports: FOCUS Reports/2026/11/22/c.csv.gz has 2 new columns ('oci_BillingPlan', 'oci_BackReference') and 1 column fewer ('oci_BackReferenceNumber'), compared with the previous report FOCUS Reports/2026/11/21/b.csv.gz; loaders that read these reports by column name or position may need a change.",
            Assert.Single(drifted.Warnings));
        Assert.Equal(SyncRunStatus.Succeeded, drifted.Status);
        Assert.Empty(after.SchemaDrifts);
        Assert.Empty(nothingNew.SchemaDrifts);
    }

    [Fact]
    public async Task Run_TrailingSpaceDroppedFromAColumnName_IsDrift()
    {
        _emulator.Objects.Put("FOCUS Reports/2026/11/21/a.csv.gz", ReportBytes.Focus(), created: Monday.AddDays(-1));
        await RunAsync(ValidationMode.Header);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/b.csv.gz", ReportBytes.FocusWithHeader(ReportCsv.FocusHeader.Replace("PricingCurrencyEffectiveCost ,", "PricingCurrencyEffectiveCost,", StringComparison.Ordinal)), created: Monday);

        var drift = Assert.Single((await RunAsync(ValidationMode.Header)).SchemaDrifts);

        Assert.Equal(["PricingCurrencyEffectiveCost"], drift.Added);
        Assert.Equal(["PricingCurrencyEffectiveCost "], drift.Removed);
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public async Task Run_MultipartReportWhoseFirstLineSpansAPartBoundary_IsValidatedAcrossTheParts(ValidationMode mode)
    {
        // The gzip header's comment field ends 100 bytes before the first 5 MiB part does, so the compressed first line
        // (several hundred bytes) starts in part 1 and ends in part 2; 20,000 rows make the object big enough for 2 parts.
        var content = ReportBytes.GzipWithComment(ReportBytes.FocusText(rows: 20_000), commentBytes: (5 * MiB) - 10 - 100);
        Assert.InRange(content.Length, (6 * MiB) + 1, 10 * MiB);
        var firstPartAlone = new ReportValidator(ValidationMode.Header);
        firstPartAlone.Append(content.AsMemory(0, 5 * MiB));
        Assert.Null(firstPartAlone.Complete().Family);
        _emulator.Objects.Put("FOCUS Reports/2026/11/22/large.csv.gz", content, created: Monday);
        var bucket = await swift.CreateBucketAsync(Ct);

        var result = await RunAsync(mode, swift.Options(bucket));

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Content is { IsValid: true, Family: ReportFamily.Focus }, outcome.Content?.Problem);
        Assert.Equal(mode == ValidationMode.Full ? 20_000 : null, outcome.Content!.Rows);
        using var s3 = swift.CreateClient();
        var stored = await s3.GetObjectMetadataAsync(bucket, "oci/FOCUS Reports/2026/11/22/large.csv.gz", Ct);
        Assert.EndsWith("-2\"", stored.ETag, StringComparison.Ordinal);
    }

    private static ObjectOutcome Outcome(SyncRunResult result, string stem) =>
        Assert.Single(result.Outcomes, o => o.Name.EndsWith($"/{stem}.csv.gz", StringComparison.Ordinal));

    private string Archived(string name) => Path.Combine(_directory.Path, "archive", "oci", name);

    private async Task<SyncRunResult> RunAsync(ValidationMode mode, DestinationOptions? destination = null)
    {
        destination ??= new DestinationOptions { Kind = DestinationKind.Directory, Path = Path.Combine(_directory.Path, "archive") };
        destination.Prefix = "oci";
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<OciOptions>(o =>
        {
            o.Auth = OciAuthMode.ApiKey;
            o.ConfigFile = _config;
            o.Endpoints.ObjectStorage = _emulator.BaseUri;
        });
        services.AddOciClients();
        services.AddSingleton(Options.Create(destination));
        services.AddSingleton(Options.Create(new TransferOptions { MultipartThresholdMiB = 6, PartSizeMiB = 5, MemoryBudgetMiB = 64, RetryDelay = TimeSpan.FromMilliseconds(10) }));
        services.AddSingleton(Options.Create(new ValidationOptions { Mode = mode }));
        services.AddSyncEngine();
        await using var provider = services.BuildServiceProvider();
        await using var target = provider.GetRequiredService<IDestinationFactory>().Create(destination.Kind == DestinationKind.S3 ? swift.Credentials : null);
        return await provider.GetRequiredService<ISyncEngine>().RunAsync(new SyncRunContext($"validation-{++_runs}", target), Ct);
    }

    private async Task<List<CostSync.Sync.Ledger.LedgerEntry>> LedgerAsync()
    {
        var directory = new CostSync.Sync.Destinations.FileSystem.DirectoryDestination(Path.Combine(_directory.Path, "archive"), overwriteProtection: false, TimeProvider.System);
        await using (directory)
        {
            return await LedgerContents.EntriesAsync(directory, "oci/", Ct);
        }
    }
}
