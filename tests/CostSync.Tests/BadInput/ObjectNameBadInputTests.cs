using System.Text;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// Report names a bucket can hold and a naive copier mangles: each is archived under exactly its name, byte for byte, in S3
/// (Swift) and in a folder, and recorded in the ledger; a name one destination cannot hold fails alone, with a message saying
/// which name, why and what to do, while the other reports are archived.
/// </summary>
public sealed class ObjectNameBadInputTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private BadInputScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _scenario = await BadInputScenario.ToSwiftAsync(swift, Ct);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    // characters that URLs, SigV4 and OCI's path encoding treat specially
    [InlineData("name-spaces", "FOCUS Reports/2026/11/24/cost  report (final) .csv.gz")]
    [InlineData("name-plus", "reports/a+b+c.csv.gz")]
    [InlineData("name-percent", "reports/100% of 50%25 %2F %41.csv.gz")]
    [InlineData("name-hash", "reports/#1 report#2.csv.gz")]
    [InlineData("name-question-mark", "reports/why?.csv.gz?versionId=1")]
    [InlineData("name-ampersand", "reports/a&b=c&d.csv.gz")]
    [InlineData("name-tilde", "reports/~user/~1.csv.gz")]
    // a dot-dot segment: S3 keeps the key as written (no path normalisation to `escape.csv.gz`)
    [InlineData("name-dot-segments-in-s3", "reports/../escape.csv.gz")]
    public async Task Once_OddNameToS3_ArchivedUnderExactlyThatNameByteIdentical(string @case, string name)
    {
        Assert.NotEmpty(@case);
        var content = new GeneratedContent(3000 + name.Length, name.Length).ToArray();
        _scenario.Emulator.Objects.Put(name, content);

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        await AssertArchivedAsync(_scenario.Source);
    }

    [Theory]
    [InlineData("name-spaces", "FOCUS Reports/2026/11/24/cost  report (final) .csv.gz")]
    [InlineData("name-plus", "reports/a+b+c.csv.gz")]
    [InlineData("name-percent", "reports/100% of 50%25 %2F %41.csv.gz")]
    [InlineData("name-hash", "reports/#1 report#2.csv.gz")]
    [InlineData("name-question-mark", "reports/why?.csv.gz?versionId=1")]
    [InlineData("name-ampersand", "reports/a&b=c&d.csv.gz")]
    [InlineData("name-tilde", "reports/~user/~1.csv.gz")]
    public async Task Once_OddNameToDirectory_ArchivedUnderExactlyThatNameByteIdentical(string @case, string name)
    {
        Assert.NotEmpty(@case);
        _scenario.UseDirectory();
        _scenario.Emulator.Objects.Put(name, new GeneratedContent(3000 + name.Length, name.Length).ToArray());

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        await AssertArchivedAsync(_scenario.Source);
    }

    [Fact]
    public async Task Once_SameNameInNfcAndNfd_BothArchivedSeparatelyInS3AndInAFolder()
    {
        // "é" as one code point (NFC, U+00E9) and as "e" + combining acute (NFD, U+0065 U+0301): two names in OCI, so two
        // reports, never merged. Spelled out because the build runs with invariant globalization (no string.Normalize).
        const string nfc = "R\u00E9ports/caf\u00E9.csv.gz";
        const string nfd = "Re\u0301ports/cafe\u0301.csv.gz";
        _scenario.Emulator.Objects.Put(nfc, new GeneratedContent(5000, 1).ToArray());
        _scenario.Emulator.Objects.Put(nfd, new GeneratedContent(7000, 2).ToArray());

        var toS3 = await _scenario.RunAsync(["--once"], Ct);
        await AssertArchivedAsync(_scenario.Source);
        _scenario.UseDirectory();
        var toFolder = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(toS3.ExitCode == 0, toS3.ToString());
        Assert.True(toFolder.ExitCode == 0, toFolder.ToString());
        await AssertArchivedAsync(_scenario.Source);
    }

    [Fact]
    public async Task Once_NameOf1024Bytes_ArchivedInS3AndInAFolder()
    {
        // OCI's longest name, in folders a file system accepts (each segment under 255 bytes).
        var name = LongName(1024, segment: 200);
        _scenario.Emulator.Objects.Put(name, new GeneratedContent(4096, 3).ToArray());

        var toS3 = await _scenario.RunAsync(["--once"], Ct);
        await AssertArchivedAsync(_scenario.Source);
        _scenario.UseDirectory();
        var toFolder = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(toS3.ExitCode == 0, toS3.ToString());
        Assert.True(toFolder.ExitCode == 0, toFolder.ToString());
        await AssertArchivedAsync(_scenario.Source);
    }

    [Theory]
    // a path segment longer than a file name may be (255 bytes on Linux file systems)
    [InlineData("name-segment-too-long-for-a-file", "long-segment")]
    // a name ending in '/' (a "folder" object)
    [InlineData("name-trailing-slash", "reports/folder/")]
    // segments a path cannot hold
    [InlineData("name-dot-dot-segment-in-a-folder", "reports/../escape.csv.gz")]
    [InlineData("name-dot-segment-in-a-folder", "reports/./here.csv.gz")]
    [InlineData("name-empty-segment-in-a-folder", "reports//twice.csv.gz")]
    public async Task Once_NameThatCannotBeAFilePath_FailsAloneNamingItAndTheFixOthersArchived(string @case, string name)
    {
        Assert.NotEmpty(@case);
        if (name == "long-segment")
        {
            name = "reports/" + new string('x', 300) + ".csv.gz";
        }

        _scenario.UseDirectory();
        var good = _scenario.Source;
        _scenario.Emulator.Objects.Put(name, new GeneratedContent(2048, 5).ToArray());

        var first = await _scenario.RunAsync(["--once"], Ct);
        var archived = await _scenario.SnapshotAsync(Ct);
        var second = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(first.ExitCode == 3, _scenario.Describe(first));
        // Alone in the second run (the others are archived), the failed report makes the run a failure.
        Assert.True(second.ExitCode == 1, _scenario.Describe(second));
        var failed = _scenario.Cli.Logs.GetSnapshot().Where(r => r.Id.Id == 1013).Select(r => r.Message).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, m => Assert.Contains(name, m, StringComparison.Ordinal));
        Assert.All(failed, m => Assert.Contains("CostSync:Source:Exclude", m, StringComparison.Ordinal));
        Assert.Contains(name, Assert.Single(_scenario.NewAlerts).Body, StringComparison.Ordinal);
        await AssertArchivedAsync(good);
        Assert.Equal(archived, await _scenario.SnapshotAsync(Ct));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scenario.Cli.Settings["CostSync:Destination:Path"]!, ".costsync", "tmp")));
    }

    [Fact]
    public async Task Once_ReportNamedLikeAnotherReportsFolder_FolderDestinationFailsThatOneNamingBoth()
    {
        // S3 holds `a/b` and `a/b/c` side by side; a folder cannot have `a/b` as a file and as a directory.
        _scenario.UseDirectory();
        var good = _scenario.Source;
        _scenario.Emulator.Objects.Put("reports/x/2026", new GeneratedContent(1000, 1).ToArray());
        _scenario.Emulator.Objects.Put("reports/x/2026/01.csv.gz", new GeneratedContent(1000, 2).ToArray());

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 3, _scenario.Describe(result));
        var failed = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Id == 1013).Message;
        Assert.Contains("reports/x/2026", failed, StringComparison.Ordinal);
        Assert.Contains("CostSync:Source:Exclude", failed, StringComparison.Ordinal);
        await AssertArchivedAsync(good);
    }

    [Fact]
    public async Task Once_NameOf1024BytesBelowAPrefix_S3FailsThatOneNamingTheKeyLengthAndThePrefix()
    {
        // OCI allows 1,024-byte names and so does S3 for keys: the prefix in front makes the key too long.
        _scenario.Cli.Settings["CostSync:Destination:Prefix"] = "oci";
        var name = LongName(1024, segment: 200);
        var good = _scenario.Source;
        _scenario.Emulator.Objects.Put(name, new GeneratedContent(2048, 5).ToArray());

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 3, _scenario.Describe(result));
        var failed = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Id == 1013).Message;
        Assert.Contains("1028 bytes", failed, StringComparison.Ordinal);
        Assert.Contains("CostSync:Destination:Prefix", failed, StringComparison.Ordinal);
        var recorded = await _scenario.RecordedAsync(Ct);
        foreach (var (goodName, bytes) in good)
        {
            Assert.Equal(bytes, await _scenario.ReadAsync("oci/" + goodName, Ct));
            Assert.Contains("oci/" + goodName, recorded);
        }
    }

    /// <summary>A name of exactly <paramref name="bytes"/> UTF-8 bytes, in segments of <paramref name="segment"/> bytes, ending in <c>.csv.gz</c>.</summary>
    internal static string LongName(int bytes, int segment)
    {
        var name = new StringBuilder("reports/");
        while (Encoding.UTF8.GetByteCount(name.ToString()) + ".csv.gz".Length < bytes)
        {
            var left = bytes - ".csv.gz".Length - Encoding.UTF8.GetByteCount(name.ToString());
            var take = Math.Min(segment, left);
            name.Append('r', take);
            if (take == segment && left > segment + 1)
            {
                name.Append('/');
            }
        }

        name.Append(".csv.gz");
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(name.ToString()));
        return name.ToString();
    }

    private async Task AssertArchivedAsync(IReadOnlyDictionary<string, byte[]> source)
    {
        var recorded = await _scenario.RecordedAsync(Ct);
        foreach (var (name, bytes) in source)
        {
            var stored = await _scenario.ReadAsync(name, Ct);
            Assert.True(stored is not null, $"`{name}` is not archived under its own name");
            Assert.True(bytes.AsSpan().SequenceEqual(stored), $"`{name}` is archived with different bytes");
            Assert.Contains(name, recorded);
        }
    }
}
