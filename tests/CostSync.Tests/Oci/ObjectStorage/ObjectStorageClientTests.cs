using System.Net;
using System.Security.Cryptography;
using CostSync.Oci;
using CostSync.Oci.ObjectStorage;
using CostSync.OciEmulator;
using EmulatorObject = CostSync.OciEmulator.ObjectStorage.EmulatorObject;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Oci.ObjectStorage;

/// <summary>The Object Storage client over real HTTP against the signature-checking emulator (API-key auth).</summary>
public sealed class ObjectStorageClientTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-os-");
    private readonly OciWireLog _wire = new();
    private OciEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Bucket => _emulator.TenancyId;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, _directory.FullName, wire: _wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task ListObjects_MoreThanTwoThousandObjects_FollowsEveryPage()
    {
        for (int i = 0; i < 2_345; i++)
        {
            _emulator.Objects.Put($"reports/cost-csv/{i:D10}-00001.csv.gz", [(byte)i]);
        }

        _emulator.Objects.Put("FOCUS Reports/2026/11/24/other.csv.gz", [1]);
        List<ObjectSummary> listed = await CreateSut()
            .ListObjectsAsync(new ListObjectsRequest("bling", Bucket) { Prefix = "reports/cost-csv/" }, Ct)
            .ToListAsync(Ct);

        Assert.Equal(2_345, listed.Count);
        Assert.Equal(listed.Select(o => o.Name).Order(StringComparer.Ordinal), listed.Select(o => o.Name));
        Assert.All(listed, o => Assert.Equal(1, o.Size));
        Assert.Equal(3, _wire.Count(IsList));
    }

    [Fact]
    public async Task ListObjects_Fields_SurfaceSizeMd5AndTimes()
    {
        EmulatorObject single = _emulator.Objects.Put("reports/cost-csv/a.csv.gz", RandomNumberGenerator.GetBytes(100));
        EmulatorObject multipart = _emulator.Objects.Put("reports/cost-csv/b.csv.gz", RandomNumberGenerator.GetBytes(3000), multipart: true, partSize: 1024);

        List<ObjectSummary> listed = await CreateSut().ListObjectsAsync(new ListObjectsRequest("bling", Bucket), Ct).ToListAsync(Ct);

        ObjectSummary a = Assert.Single(listed, o => o.Name == single.Name);
        Assert.Equal((100L, single.Md5, false), (a.Size, a.Md5, a.IsMultipartMd5));
        Assert.Equal(single.TimeCreated, a.TimeCreated!.Value, TimeSpan.FromMilliseconds(1));
        ObjectSummary b = Assert.Single(listed, o => o.Name == multipart.Name);
        Assert.Equal((multipart.MultipartMd5, true), (b.Md5, b.IsMultipartMd5));
    }

    [Theory]
    // names the client must put into one path segment and get back byte for byte
    [InlineData("FOCUS Reports/2026/11/24/with space.csv.gz")]
    [InlineData("reports/a+b.csv")]
    [InlineData("reports/100% done.csv")]
    [InlineData("reports/a&b=c?d#e.csv")]
    [InlineData("reports/~tilde/é ü 日本語 😀.csv")]
    [InlineData("reports//double//slash/")]
    [InlineData("reports/%2F-literal-percent-2F")]
    public async Task GetObject_OddName_RoundTripsExactly(string name)
    {
        byte[] content = RandomNumberGenerator.GetBytes(1000);
        _emulator.Objects.Put(name, content);
        IObjectStorageClient sut = CreateSut();

        ObjectSummary listed = Assert.Single(await sut.ListObjectsAsync(new ListObjectsRequest("bling", Bucket) { Prefix = name }, Ct).ToListAsync(Ct));
        await using GetObjectResponse response = await sut.GetObjectAsync(new GetObjectRequest("bling", Bucket, listed.Name), Ct);
        ObjectMetadata? head = await sut.HeadObjectAsync(new HeadObjectRequest("bling", Bucket, name), Ct);

        Assert.Equal(name, listed.Name);
        Assert.Equal(content, await ReadAllAsync(response.Content));
        Assert.Equal(1000, head?.ContentLength);
    }

    [Fact]
    public async Task GetObject_GzipContent_ArrivesUndecompressedWithHeaders()
    {
        byte[] gzip = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        EmulatorObject stored = _emulator.Objects.Put("reports/cost-csv/z.csv.gz", gzip);

        await using GetObjectResponse response = await CreateSut().GetObjectAsync(new GetObjectRequest("bling", Bucket, stored.Name), Ct);

        Assert.Equal(gzip, await ReadAllAsync(response.Content));
        Assert.Equal(stored.Md5, response.Metadata.ContentMd5);
        Assert.Equal(stored.ETag, response.Metadata.ETag?.Trim('"'));
        Assert.Equal(gzip.Length, response.TotalSize);
        Assert.NotNull(response.Metadata.OpcRequestId);
    }

    [Fact]
    public async Task GetObject_RangeWithIfMatch_ReturnsSliceAndTotalSize()
    {
        byte[] content = RandomNumberGenerator.GetBytes(10_000);
        EmulatorObject stored = _emulator.Objects.Put("reports/cost-csv/r.csv.gz", content);
        IObjectStorageClient sut = CreateSut();
        ObjectMetadata head = (await sut.HeadObjectAsync(new HeadObjectRequest("bling", Bucket, stored.Name), Ct))!;

        await using GetObjectResponse response = await sut.GetObjectAsync(
            new GetObjectRequest("bling", Bucket, stored.Name) { Range = new ByteRange(1000, 2500), IfMatch = head.ETag }, Ct);

        Assert.Equal(content[1000..3500], await ReadAllAsync(response.Content));
        Assert.Equal(10_000, response.TotalSize);
        Assert.Equal(2500, response.Metadata.ContentLength);
    }

    [Fact]
    public async Task HeadAndGet_MultipartObject_ExposeOpcContentCrc32cOfTheWholeObject()
    {
        EmulatorObject stored = _emulator.Objects.Put("reports/cost-csv/m.csv.gz", RandomNumberGenerator.GetBytes(3000), multipart: true, partSize: 1024);
        IObjectStorageClient sut = CreateSut();

        ObjectMetadata head = (await sut.HeadObjectAsync(new HeadObjectRequest("bling", Bucket, stored.Name) { IfMatch = stored.ETag }, Ct))!;
        await using GetObjectResponse whole = await sut.GetObjectAsync(new GetObjectRequest("bling", Bucket, stored.Name), Ct);
        await using GetObjectResponse ranged = await sut.GetObjectAsync(new GetObjectRequest("bling", Bucket, stored.Name) { Range = new ByteRange(0, 100) }, Ct);

        Assert.NotNull(stored.Crc32c);
        Assert.Equal(stored.Crc32c, head.OpcContentCrc32c);
        Assert.Equal(stored.Crc32c, whole.Metadata.OpcContentCrc32c);
        Assert.Null(ranged.Metadata.OpcContentCrc32c);
        Assert.Null(whole.ContentRange);
        Assert.Equal(new ByteRange(0, 100), ranged.ContentRange);
    }

    [Fact]
    public async Task HeadObject_IfMatchOfAnOlderVersion_Fails412()
    {
        EmulatorObject old = _emulator.Objects.Put("reports/cost-csv/h.csv.gz", RandomNumberGenerator.GetBytes(100));
        _emulator.Objects.Put(old.Name, RandomNumberGenerator.GetBytes(100));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => CreateSut().HeadObjectAsync(new HeadObjectRequest("bling", Bucket, old.Name) { IfMatch = old.ETag }, Ct));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task GetObject_ObjectChangedSinceHead_Fails412()
    {
        EmulatorObject stored = _emulator.Objects.Put("reports/cost-csv/c.csv.gz", RandomNumberGenerator.GetBytes(100));
        IObjectStorageClient sut = CreateSut();
        ObjectMetadata head = (await sut.HeadObjectAsync(new HeadObjectRequest("bling", Bucket, stored.Name), Ct))!;
        _emulator.Objects.Put(stored.Name, RandomNumberGenerator.GetBytes(100));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => sut.GetObjectAsync(
            new GetObjectRequest("bling", Bucket, stored.Name) { Range = new ByteRange(0, 10), IfMatch = head.ETag }, Ct));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task HeadObject_Missing_ReturnsNull()
    {
        Assert.Null(await CreateSut().HeadObjectAsync(new HeadObjectRequest("bling", Bucket, "reports/none.csv"), Ct));
    }

    [Fact]
    public async Task GetObject_Missing_Throws404WithCodeAndRequestId()
    {
        var error = await Assert.ThrowsAsync<OciServiceException>(
            () => CreateSut().GetObjectAsync(new GetObjectRequest("bling", Bucket, "reports/none.csv"), Ct));

        Assert.Equal((HttpStatusCode.NotFound, "ObjectNotFound"), (error.StatusCode, error.ErrorCode));
        Assert.NotNull(error.OpcRequestId);
        Assert.Contains(error.OpcRequestId!, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // wrong bucket (not the tenancy OCID) or wrong namespace on bling: both real causes are explained
    [InlineData("bling", "ocid1.tenancy.oc1..notmine", "BucketNotFound")]
    [InlineData("blingx", null, "NamespaceNotFound")]
    public async Task ListObjects_NotFound_ExplainsHomeRegionAndPolicy(string namespaceName, string? bucket, string code)
    {
        var error = await Assert.ThrowsAsync<OciServiceException>(async () =>
            await CreateSut().ListObjectsAsync(new ListObjectsRequest(namespaceName, bucket ?? Bucket), Ct).ToListAsync(Ct));

        Assert.Equal((HttpStatusCode.NotFound, code), (error.StatusCode, error.ErrorCode));
        if (namespaceName == "bling")
        {
            Assert.Contains("home region", error.Message, StringComparison.Ordinal);
            Assert.Contains("CostSync:Oci:Region", error.Message, StringComparison.Ordinal);
            Assert.Contains("define tenancy usage-report as ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq", error.Message, StringComparison.Ordinal);
            Assert.Contains("endorse dynamic-group <group> to read objects in tenancy usage-report", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("usage-report", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    // every other request fails: each is retried (re-signed) and the listing completes
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task ListObjects_TransientFailures_AreRetried(HttpStatusCode status)
    {
        for (int i = 0; i < 2_100; i++)
        {
            _emulator.Objects.Put($"reports/cost-csv/{i:D6}.csv.gz", [1]);
        }

        _emulator.Faults.FailEveryNth(2, status, Operations.ListObjects);

        int count = await CreateSut().ListObjectsAsync(new ListObjectsRequest("bling", Bucket), Ct).CountAsync(Ct);

        Assert.Equal(2_100, count);
        // three pages; the 2nd and 4th requests failed and were repeated
        Assert.Equal(5, _wire.Count(IsList));
        Assert.Equal(2, _wire.Count(status));
    }

    [Fact]
    public async Task GetObject_TransientFailure_IsRetriedAndStreams()
    {
        byte[] content = RandomNumberGenerator.GetBytes(50_000);
        EmulatorObject stored = _emulator.Objects.Put("reports/cost-csv/t.csv.gz", content);
        _emulator.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable, Operations.HeadObject);
        _emulator.Faults.FailEveryNth(2, HttpStatusCode.ServiceUnavailable, Operations.GetObject);
        IObjectStorageClient sut = CreateSut();

        await using GetObjectResponse response = await sut.GetObjectAsync(new GetObjectRequest("bling", Bucket, stored.Name), Ct);
        byte[] read = await ReadAllAsync(response.Content);
        var headError = await Assert.ThrowsAsync<OciServiceException>(() => sut.HeadObjectAsync(new HeadObjectRequest("bling", Bucket, stored.Name), Ct));

        Assert.Equal(content, read);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, headError.StatusCode);
        Assert.Equal(4, _wire.Count(e => e.Method == "HEAD"));
    }

    [Fact]
    public async Task GetNamespace_ApiKey_ReturnsTheCallersNamespace()
    {
        Assert.Equal("costsynctest", await CreateSut().GetNamespaceAsync(Ct));
    }

    [Fact]
    public async Task ListObjects_WrongKeyForFingerprint_Gets401WithPrincipalAndCauses()
    {
        string directory = Path.Combine(_directory.FullName, "wrong");
        var wire = new OciWireLog();
        await using ServiceProvider services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, directory, wire: wire);
        string keyFile = Directory.GetFiles(directory, "*.pem").Single();
        using (var other = RSA.Create(2048))
        {
            File.WriteAllText(keyFile, other.ExportPkcs8PrivateKeyPem());
        }

        var error = await Assert.ThrowsAsync<OciServiceException>(async () =>
            await services.GetRequiredService<IObjectStorageClient>().ListObjectsAsync(new ListObjectsRequest("bling", Bucket), Ct).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("NotAuthenticated", error.ErrorCode);
        Assert.Contains("API key profile [DEFAULT]", error.Message, StringComparison.Ordinal);
        Assert.Contains("fingerprint", error.Message, StringComparison.Ordinal);
        Assert.Contains("clock skew is not the cause", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, wire.Count(IsList));
    }

    private static bool IsList(OciWireEntry e) => e.Method == "GET" && e.Path.EndsWith("/o", StringComparison.Ordinal);

    [Fact]
    public async Task ListObjects_LocalClockTenMinutesAhead_401SaysSoAndHowToFix()
    {
        var ahead = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(10));
        await using ServiceProvider services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, Path.Combine(_directory.FullName, "skew"), ahead);

        var error = await Assert.ThrowsAsync<OciServiceException>(async () =>
            await services.GetRequiredService<IObjectStorageClient>().ListObjectsAsync(new ListObjectsRequest("bling", Bucket), Ct).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("10 minutes ahead of the service", error.Message, StringComparison.Ordinal);
        Assert.Contains("NTP", error.Message, StringComparison.Ordinal);
    }

    private IObjectStorageClient CreateSut() => _services.GetRequiredService<IObjectStorageClient>();

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
