using Amazon.S3.Model;
using CostSync.Sync;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Transfer;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// Sizes at the edges of the copy paths: empty, S3's 5 MiB minimum part, one byte either side of the multipart threshold and
/// of a part boundary, and objects so large that 10,000 parts of the configured size cannot hold them. Each is archived byte
/// for byte (S3 and a folder) and recorded, or refused before anything is read, with a message saying what to change.
/// </summary>
public sealed class ObjectSizeBadInputTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private BadInputScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _scenario = await BadInputScenario.ToSwiftAsync(swift, Ct);
        // S3's smallest part, and a threshold one MiB above it: every boundary below is a few MiB, not hundreds.
        _scenario.Cli.Settings["CostSync:Transfer:PartSizeMiB"] = "5";
        _scenario.Cli.Settings["CostSync:Transfer:MultipartThresholdMiB"] = "6";
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    // nothing at all: one empty PUT
    [InlineData("size-zero-bytes", 0, "6")]
    // exactly S3's minimum part size, below the threshold (one PUT) and at it (one part of exactly 5 MiB)
    [InlineData("size-exactly-5-mib-single-put", 5 * MiB, "6")]
    [InlineData("size-exactly-5-mib-one-part", 5 * MiB, "5")]
    // one byte either side of the multipart threshold
    [InlineData("size-threshold-minus-one-byte", (6 * MiB) - 1, "6")]
    [InlineData("size-exactly-the-threshold", 6 * MiB, "6")]
    // parts that end exactly at the object's end, and a last part of one byte
    [InlineData("size-exactly-two-parts", 10 * MiB, "6")]
    [InlineData("size-two-parts-plus-one-byte", (10 * MiB) + 1, "6")]
    public async Task Once_SizeAtACopyBoundary_ArchivedByteIdenticalInS3AndInAFolder(string @case, int size, string thresholdMiB)
    {
        Assert.NotEmpty(@case);
        _scenario.Cli.Settings["CostSync:Transfer:MultipartThresholdMiB"] = thresholdMiB;
        var name = $"FOCUS Reports/2026/11/24/{@case}.csv.gz";
        var content = new GeneratedContent(size, size % 97).ToArray();
        _scenario.Emulator.Objects.Put(name, content);

        var toS3 = await _scenario.RunAsync(["--once"], Ct);
        Assert.True(toS3.ExitCode == 0, _scenario.Describe(toS3));
        await AssertArchivedAsync(name, content);
        await AssertNoIncompleteUploadAsync();
        _scenario.UseDirectory();
        var toFolder = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(toFolder.ExitCode == 0, _scenario.Describe(toFolder));
        await AssertArchivedAsync(name, content);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scenario.Cli.Settings["CostSync:Destination:Path"]!, ".costsync", "tmp")));
    }

    [Theory]
    // the default part size (16 MiB) covers 156.25 GiB in 10,000 parts: beyond, the part grows (to the next MiB) and still fits the default budget
    [InlineData("size-needs-more-than-10000-default-parts", (160_000L * MiB) + 1, 17L * MiB, 9_412)]
    [InlineData("size-needs-more-than-10000-default-parts-largest-oci-object", 10L * 1024 * 1024 * MiB, 1049L * MiB, 9_996)]
    public void Layout_ObjectNeedingMoreThan10000DefaultParts_GrowsThePartToFitS3(string @case, long size, long partSize, int parts)
    {
        Assert.NotEmpty(@case);

        var sut = PartLayout.For(size, new CostSync.Sync.Configuration.TransferOptions().PartSizeMiB * (long)MiB);

        Assert.Equal((partSize, parts), (sut.PartSize, sut.PartCount));
        Assert.InRange(sut.PartCount, 1, PartLayout.MaxParts);
        var last = sut.Range(sut.PartCount - 1);
        Assert.Equal(size, last.Offset + last.Length);
    }

    [Fact]
    public async Task Run_ObjectWhosePartsOutgrowTheMemoryBudget_FailsAloneBeforeReadingSayingWhichBudget()
    {
        // 1 TiB needs parts of 105 MiB to stay within 10,000; one such buffer is 128 MiB, over a 64 MiB budget.
        await using var harness = new SyncHarness();
        var root = Path.Combine(Path.GetTempPath(), "costsync-badinput-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            harness.Source.Put("reports/cost-csv/small.csv.gz", 2048);
            var huge = harness.Source.Put("FOCUS Reports/2026/11/24/huge.csv.gz", 1024L * 1024 * MiB, hashed: false);
            await using var destination = new CountingDestination(new DirectoryDestination(root, overwriteProtection: false, TimeProvider.System));

            var result = await harness.RunAsync(destination, Ct);

            Assert.Equal(SyncRunStatus.PartiallyFailed, result.Status);
            var failed = Assert.Single(result.Outcomes, o => !o.Succeeded);
            Assert.Equal(huge.Name, failed.Name);
            Assert.Contains("is 1.0 TiB", failed.Error, StringComparison.Ordinal);
            Assert.Contains("its parts must be 105 MiB (instead of `CostSync:Transfer:PartSizeMiB` = 5)", failed.Error, StringComparison.Ordinal);
            Assert.Contains("one part needs a 128 MiB buffer, more than `CostSync:Transfer:MemoryBudgetMiB` = 64", failed.Error, StringComparison.Ordinal);
            Assert.Contains("Raise MemoryBudgetMiB to at least 128", failed.Error, StringComparison.Ordinal);
            Assert.Equal(0, harness.Source.ReadsAt(huge.Name, 0));
            Assert.DoesNotContain(destination.Calls, c => c.Key.EndsWith("huge.csv.gz", StringComparison.Ordinal));
            Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Id.Name == "CopyAttemptFailed");
            Assert.Equal(new GeneratedContent(2048, "reports/cost-csv/small.csv.gz".GetHashCode(StringComparison.Ordinal)).ToArray(), await File.ReadAllBytesAsync(Path.Combine(root, "reports/cost-csv/small.csv.gz"), Ct));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private async Task AssertArchivedAsync(string name, byte[] content)
    {
        var stored = await _scenario.ReadAsync(name, Ct);
        Assert.True(stored is not null, $"`{name}` is not archived");
        Assert.True(content.AsSpan().SequenceEqual(stored), $"`{name}` is archived with different bytes ({stored.Length} of {content.Length})");
        Assert.Contains(name, await _scenario.RecordedAsync(Ct));
    }

    private async Task AssertNoIncompleteUploadAsync()
    {
        using var s3 = swift.CreateClient();
        var bucket = _scenario.Cli.Settings["CostSync:Destination:Bucket"];
        var uploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, Ct);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }
}
