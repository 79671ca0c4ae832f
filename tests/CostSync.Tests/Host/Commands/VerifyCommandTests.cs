using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Commands;

/// <summary><c>verify</c> through the real CLI: an archive made by <c>--once</c> from the OCI emulator into Swift, then changed behind CostSync's back.</summary>
public sealed class VerifyCommandTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string Prefix = "oci/";
    private CliHarness _cli = null!;
    private string _bucket = null!;
    private IAmazonS3 _s3 = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _bucket = await swift.CreateBucketAsync(Ct);
        _cli.ToSwift(swift, _bucket);
        _cli.Settings["CostSync:Destination:Prefix"] = "oci";
        _cli.VaultHoldsSwiftKeys();
        _s3 = swift.CreateClient();
        var archived = await _cli.RunAsync(["--once"], Ct);
        Assert.True(archived.ExitCode == 0, archived.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        await _cli.DisposeAsync();
    }

    [Fact]
    public async Task Verify_IntactArchive_ReadsEverythingBackAndExitsZero()
    {
        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var count = _cli.Emulator.Objects.Count;
        Assert.Contains($"Summary: {count} objects recorded in the ledger, {count} read back (", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{count} matched; 0 missing, 0 changed, 0 unrecorded, 0 unreadable", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("Result: OK, the archive matches its ledger.\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ObjectDeleted_OneMissingLineWithItsFixAndExitFive()
    {
        var name = FirstReport();
        await _s3.DeleteObjectAsync(_bucket, Prefix + name, Ct);

        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(Lines(result), l => l.StartsWith("MISSING", StringComparison.Ordinal));
        Assert.Contains($" {Prefix}{name}: the ledger records it (", line, StringComparison.Ordinal);
        Assert.Contains("Fix: It was deleted or moved outside CostSync.", line, StringComparison.Ordinal);
        Assert.Contains("Result: 1 problem(s) found; exit code 5.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BytesReplacedBehindCostSyncsBack_OneChangedLineAndExitFive()
    {
        // Same size, same CostSync metadata: only the bytes (and so the ETag) differ.
        var name = FirstReport();
        var original = _cli.Emulator.Objects.All.Single(o => o.Name == name);
        var head = await _s3.GetObjectMetadataAsync(_bucket, Prefix + name, Ct);
        var forged = original.Content.ToArray();
        forged[^1] ^= 0xFF;
        var put = new PutObjectRequest { BucketName = _bucket, Key = Prefix + name, InputStream = new MemoryStream(forged), UseChunkEncoding = false };
        foreach (var key in head.Metadata.Keys)
        {
            put.Metadata.Add(key, head.Metadata[key]);
        }

        await _s3.PutObjectAsync(put, Ct);

        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(Lines(result), l => l.StartsWith("CHANGED", StringComparison.Ordinal));
        Assert.Contains($" {Prefix}{name}: has ETag ", line, StringComparison.Ordinal);
        Assert.Contains("it was replaced outside CostSync. Fix: The archive no longer holds the bytes CostSync copied.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReportReplacedByAnotherToolWithoutMetadata_ChangedWithTheMoveAsideFixThatTheNextRunsProve()
    {
        // What `aws s3 cp` of a truncated download does: other bytes, other ETag, none of CostSync's metadata.
        var name = FirstReport();
        var original = _cli.Emulator.Objects.All.Single(o => o.Name == name);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Prefix + name, InputStream = new MemoryStream(original.Content.ToArray()[..100]), UseChunkEncoding = false }, Ct);

        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(Lines(result), l => l.StartsWith("CHANGED", StringComparison.Ordinal));
        Assert.Contains($" {Prefix}{name}: holds 100 bytes, the ledger recorded {original.Content.Length} (", line, StringComparison.Ordinal);
        Assert.Contains("the object there now carries no CostSync metadata. Fix: Another tool replaced it", line, StringComparison.Ordinal);
        Assert.Contains("Move that object aside", line, StringComparison.Ordinal);
        // The fix is the one that works: a run leaves that object alone; once it is moved aside the next run copies the report.
        var blocked = await _cli.RunAsync(["--once"], Ct);
        Assert.True(blocked.ExitCode == 1, blocked.ToString());
        Assert.Contains("holds an object CostSync did not write", Assert.Single(_cli.Logs.GetSnapshot(), r => r.Id.Name == "ObjectFailed").Message, StringComparison.Ordinal);
        await _s3.DeleteObjectAsync(_bucket, Prefix + name, Ct);
        var healed = await _cli.RunAsync(["--once"], Ct);
        Assert.True(healed.ExitCode == 0, healed.ToString());
        var again = await _cli.RunAsync(["verify"], Ct);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task Verify_ReportWrittenAgainByARunThatDidNotRecordIt_UnrecordedNotChanged()
    {
        // The same bytes uploaded in one part (so another ETag), with CostSync's metadata naming another run.
        var name = FirstReport();
        var head = await _s3.GetObjectMetadataAsync(_bucket, Prefix + name, Ct);
        var initiate = new InitiateMultipartUploadRequest { BucketName = _bucket, Key = Prefix + name };
        foreach (var key in head.Metadata.Keys.Where(k => !k.EndsWith("costsync-run-id", StringComparison.Ordinal)))
        {
            initiate.Metadata.Add(key, head.Metadata[key]);
        }

        initiate.Metadata.Add("costsync-run-id", "20261124T120000Z-beef");
        var upload = await _s3.InitiateMultipartUploadAsync(initiate, Ct);
        var part = await _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket,
            Key = Prefix + name,
            UploadId = upload.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(_cli.Emulator.Objects.All.Single(o => o.Name == name).Content.ToArray()),
            UseChunkEncoding = false,
        }, Ct);
        await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = _bucket, Key = Prefix + name, UploadId = upload.UploadId, PartETags = [new PartETag(1, part.ETag)] }, Ct);

        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(Lines(result), l => l.StartsWith("UNRECORDED", StringComparison.Ordinal));
        Assert.Contains($" {Prefix}{name}: was written again by run 20261124T120000Z-beef", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(result), l => l.StartsWith("CHANGED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_UnrecordedAndForeignObjects_OnlyTheUnrecordedOneIsAProblem()
    {
        var unrecorded = new PutObjectRequest { BucketName = _bucket, Key = Prefix + "reports/cost-csv/late.csv.gz", ContentBody = "late", UseChunkEncoding = false };
        unrecorded.Metadata.Add("costsync-source-size", "4");
        unrecorded.Metadata.Add("costsync-run-id", "20261124T060000Z-dead");
        await _s3.PutObjectAsync(unrecorded, Ct);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Prefix + "notes/readme.txt", ContentBody = "another team's file", UseChunkEncoding = false }, Ct);

        var result = await _cli.RunAsync(["verify"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(Lines(result), l => !l.StartsWith("Summary", StringComparison.Ordinal) && !l.StartsWith("Result", StringComparison.Ordinal) && !l.StartsWith("Verifying", StringComparison.Ordinal));
        Assert.StartsWith("UNRECORDED", line, StringComparison.Ordinal);
        Assert.Contains($" {Prefix}reports/cost-csv/late.csv.gz: carries CostSync's metadata (written by run 20261124T060000Z-dead) but has no ledger entry. Fix: ", line, StringComparison.Ordinal);
        Assert.Contains("; 1 objects not written by CostSync (left alone).", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SampleWithSeed_ReproducibleAndJsonParses()
    {
        var first = await _cli.RunAsync(["verify", "--sample", "30", "--seed", "4242", "--json"], Ct);
        var again = await _cli.RunAsync(["verify", "--sample", "30", "--seed", "4242", "--json"], Ct);

        Assert.True(first.ExitCode == 0 && again.ExitCode == 0, $"{first}{again}");
        using var a = JsonDocument.Parse(first.Output);
        using var b = JsonDocument.Parse(again.Output);
        Assert.True(a.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(4242, a.RootElement.GetProperty("sample").GetProperty("seed").GetInt32());
        var keys = ReadBack(a);
        Assert.Equal((int)Math.Ceiling(_cli.Emulator.Objects.Count * 0.3), keys.Count);
        Assert.Equal(keys, ReadBack(b));
        Assert.Equal(keys.Count, a.RootElement.GetProperty("summary").GetProperty("matched").GetInt32());
        Assert.Empty(a.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Verify_SampleWithoutSeed_PrintsTheSeedItUsed()
    {
        var result = await _cli.RunAsync(["verify", "--sample", "10"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var heading = Lines(result)[0];
        Assert.Matches(@"^Verifying s3://costsync-[0-9a-f]+ against its ledger: reading back a sample of 10% of the recorded objects, seed \d+ \(repeat this sample with `--sample 10 --seed \d+`\)\.$", heading);
    }

    [Fact]
    public async Task Verify_AgainstSource_NewAndCorrectedReportsAreProblemsWithTheirAge()
    {
        var corrected = FirstReport();
        _cli.Emulator.Objects.Put(corrected, new GeneratedContent(3000, 77).ToArray());
        _cli.Emulator.Objects.Put("reports/cost-csv/9000000000000001-00001.csv.gz", new GeneratedContent(500, 5).ToArray(), created: TimeProvider.System.GetUtcNow().AddHours(-5));

        var result = await _cli.RunAsync(["verify", "--against-source", "--json"], Ct);

        Assert.True(result.ExitCode == 5, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("key").GetString(), p.GetProperty("detail").GetString()!)).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Item1 == "ChangedAtSource" && p.Item2 == Prefix + corrected && p.Item3.StartsWith("the source changed since it was archived (size differs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == "NotArchived" && p.Item2 == Prefix + "reports/cost-csv/9000000000000001-00001.csv.gz" && p.Item3.Contains("5 hours ago, 500 bytes) but not in the archive", StringComparison.Ordinal));
        Assert.Equal(_cli.Emulator.Objects.Count, json.RootElement.GetProperty("summary").GetProperty("sourceListed").GetInt32());
    }

    private string FirstReport() =>
        _cli.Emulator.Objects.All.Where(o => o.Size > 0 && o.Name.StartsWith("reports/cost-csv/", StringComparison.Ordinal)).Select(o => o.Name).Order(StringComparer.Ordinal).First();

    private static List<string> Lines(CliResult result) => [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static List<string> ReadBack(JsonDocument json) =>
        [.. json.RootElement.GetProperty("readBack").EnumerateArray().Select(r => r.GetProperty("key").GetString()!)];
}
