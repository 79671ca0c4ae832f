using Amazon.S3.Model;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace CostSync.Tests.Reliability;

/// <summary>The crash loop's independent reader is not vacuous: it catches a partial object, a stray upload and an unrecorded report.</summary>
public sealed class ArchiveAuditorTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string Prefix = "audit/";
    private readonly EmulatorStore _store = new(TimeProvider.System);
    private readonly byte[] _content = new GeneratedContent(300_000, 5).ToArray();
    private CrashLoopSource _source = null!;
    private ArchiveAuditor _sut = null!;
    private string _bucket = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bucket = await swift.CreateBucketAsync(Ct);
        _store.Put("reports/r.csv.gz", _content);
        _source = new CrashLoopSource(_store);
        _source.TrackExisting();
        _sut = new ArchiveAuditor(swift, _bucket, Prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.DisposeAsync();
        await swift.DeleteBucketAsync(_bucket, CancellationToken.None);
    }

    [Fact]
    public async Task AssertOnlyCompleteObjectsVisible_ReportWithPartOfItsBytes_Fails()
    {
        await PutAsync(Prefix + "reports/r.csv.gz", _content[..(_content.Length / 2)]);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => _sut.AssertOnlyCompleteObjectsVisibleAsync(_source, "probe", Ct));

        Assert.Contains("is not a complete version of the report", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertOnlyCompleteObjectsVisible_CompleteReport_Passes()
    {
        await PutAsync(Prefix + "reports/r.csv.gz", _content);

        await _sut.AssertOnlyCompleteObjectsVisibleAsync(_source, "probe", Ct);
    }

    [Fact]
    public async Task AssertArchiveEqualsSource_ReportTheLedgerDoesNotRecord_Fails()
    {
        await PutAsync(Prefix + "reports/r.csv.gz", _content);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => _sut.AssertArchiveEqualsSourceAsync(_source, "probe", downloadEverything: true, Ct));

        Assert.Contains("the ledger does not record", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertArchiveEqualsSource_IncompleteUploadLeft_Fails()
    {
        await PutAsync(Prefix + "reports/r.csv.gz", _content);
        using var client = swift.CreateClient();
        await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = Prefix + "reports/other.csv.gz" }, Ct);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => _sut.AssertArchiveEqualsSourceAsync(_source, "probe", downloadEverything: true, Ct));

        Assert.Contains("incomplete uploads remain", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertArchiveEqualsSource_ReportMissing_Fails()
    {
        await Assert.ThrowsAnyAsync<XunitException>(() => _sut.AssertArchiveEqualsSourceAsync(_source, "probe", downloadEverything: true, Ct));
    }

    private async Task PutAsync(string key, byte[] content)
    {
        using var client = swift.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false }, Ct);
    }
}
