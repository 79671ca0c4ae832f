using System.Net;
using System.Security.Cryptography;
using CostSync.Tests.Support;
using Xunit;

// MD5 is the checksum Object Storage reports; the tests recompute it.
#pragma warning disable CA5351

namespace CostSync.Tests.OciEmulator.ObjectStorage;

public sealed class GetObjectTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private static readonly byte[] Content = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("odd/a b+c.csv.gz", "odd%2Fa%20b%2Bc.csv.gz")]
    [InlineData("odd/a b+c.csv.gz", "odd/a%20b+c.csv.gz")]
    [InlineData("odd/50%&~!.csv", "odd%2F50%25%26~%21.csv")]
    [InlineData("Réports/über café.csv.gz", "R%C3%A9ports%2F%C3%BCber%20caf%C3%A9.csv.gz")]
    public async Task Get_PercentEncodedOddName_ReturnsTheObject(string name, string encoded)
    {
        fixture.Server.Objects.Put(name, Content);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}/{encoded}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_FullRead_HasContentMd5AndNoContentEncoding()
    {
        fixture.Server.Objects.Put("plain.csv.gz", Content);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}/plain.csv.gz", Ct);

        Assert.Equal(Convert.ToBase64String(MD5.HashData(Content)), Convert.ToBase64String(response.Content.Headers.ContentMD5!));
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(100, response.Content.Headers.ContentLength);
        Assert.True(response.Headers.Contains("opc-request-id"));
    }

    [Fact]
    public async Task Head_MultipartObject_HasOpcMultipartMd5InsteadOfContentMd5()
    {
        byte[] content = RandomNumberGenerator.GetBytes(2500);
        fixture.Server.Objects.Put("multi.bin", content, multipart: true, partSize: 1000);
        byte[] partMd5s = [.. MD5.HashData(content.AsSpan(0, 1000)), .. MD5.HashData(content.AsSpan(1000, 1000)), .. MD5.HashData(content.AsSpan(2000, 500))];

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Head, $"{fixture.BucketPath}/multi.bin", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentMD5);
        Assert.Equal($"{Convert.ToBase64String(MD5.HashData(partMd5s))}-3", response.Headers.GetValues("opc-multipart-md5").Single());
        Assert.Equal(2500, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_SinglePartObject_HasContentMd5EtagAndLastModified()
    {
        fixture.Server.Objects.Put("single.bin", Content);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Head, $"{fixture.BucketPath}/single.bin", Ct);

        Assert.NotNull(response.Content.Headers.ContentMD5);
        Assert.False(response.Headers.Contains("opc-multipart-md5"));
        Assert.True(fixture.Server.Objects.TryGet("single.bin", out var stored));
        Assert.Equal(stored.ETag, response.Headers.GetValues("ETag").Single());
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("bytes=10-19", 10, 10)]
    [InlineData("bytes=90-", 90, 10)]
    [InlineData("bytes=95-200", 95, 5)]
    public async Task Get_Range_Returns206WithContentRange(string range, int offset, int length)
    {
        fixture.Server.Objects.Put("range.bin", Content);
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/range.bin");
        request.Headers.TryAddWithoutValidation("Range", range);

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {offset}-{offset + length - 1}/100", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Content.AsSpan(offset, length).ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Null(response.Content.Headers.ContentMD5);
    }

    [Fact]
    public async Task Get_RangeBeyondEnd_Returns416()
    {
        fixture.Server.Objects.Put("range416.bin", Content);
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/range416.bin");
        request.Headers.TryAddWithoutValidation("Range", "bytes=100-");

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task Get_IfMatchWithCurrentEtag_Returns200_AndWithOldEtag_Returns412()
    {
        string oldEtag = fixture.Server.Objects.Put("ifmatch.bin", Content).ETag;
        string newEtag = fixture.Server.Objects.Put("ifmatch.bin", [.. Content, 1]).ETag;

        HttpRequestMessage current = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/ifmatch.bin");
        current.Headers.TryAddWithoutValidation("If-Match", newEtag);
        HttpRequestMessage stale = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/ifmatch.bin");
        stale.Headers.TryAddWithoutValidation("If-Match", oldEtag);
        using HttpResponseMessage ok = await fixture.Client.SendAsync(current, Ct);
        using HttpResponseMessage failed = await fixture.Client.SendAsync(stale, Ct);

        Assert.NotEqual(oldEtag, newEtag);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
    }

    [Fact]
    public async Task Get_IfNoneMatchWithCurrentEtag_Returns304()
    {
        string etag = fixture.Server.Objects.Put("ifnonematch.bin", Content).ETag;
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/ifnonematch.bin");
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{etag}\"");

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Get_ZeroByteObject_ReturnsEmptyBodyWithMd5OfNothing()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}/reports%2Fzero-byte", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("1B2M2Y8AsgTpgAmY7PhCfg==", Convert.ToBase64String(response.Content.Headers.ContentMD5!));
    }

    [Theory]
    // HEAD and a whole-object GET carry the whole object's CRC-32C, also for an object uploaded in parts
    [InlineData("HEAD", false)]
    [InlineData("GET", false)]
    [InlineData("HEAD", true)]
    [InlineData("GET", true)]
    public async Task HeadOrGet_WholeObject_CarriesBigEndianBase64Crc32c(string method, bool multipart)
    {
        string name = $"crc-{method}-{multipart}.bin";
        fixture.Server.Objects.Put(name, "123456789"u8.ToArray(), multipart: multipart, partSize: 4);

        using HttpResponseMessage response = await fixture.Client.SendAsync(new HttpMethod(method), $"{fixture.BucketPath}/{name}", Ct);

        // The standard CRC-32C check value of "123456789" is 0xE3069283.
        Assert.Equal("4waSgw==", response.Headers.GetValues("opc-content-crc32c").Single());
    }

    [Fact]
    public async Task Get_Range_HasNoCrc32c()
    {
        fixture.Server.Objects.Put("crc-range.bin", Content);
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}/crc-range.bin");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.False(response.Headers.Contains("opc-content-crc32c"));
    }

    [Fact]
    public async Task HeadAndGet_ObjectStoredWithoutCrc32c_OmitTheHeader()
    {
        fixture.Server.Objects.Put("old-object.bin", Content, crc32c: false);

        using HttpResponseMessage head = await fixture.Client.SendAsync(HttpMethod.Head, $"{fixture.BucketPath}/old-object.bin", Ct);
        using HttpResponseMessage get = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}/old-object.bin", Ct);

        Assert.False(head.Headers.Contains("opc-content-crc32c"));
        Assert.False(get.Headers.Contains("opc-content-crc32c"));
        Assert.NotNull(get.Content.Headers.ContentMD5);
    }

    [Fact]
    public async Task Get_MissingObject_Returns404ObjectNotFound()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}/no-such-object", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ObjectNotFound", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
