using System.Net;
using System.Text.Json;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.ObjectStorage;

public sealed class ListObjectsTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_MoreThan2000Objects_PagesWithNextStartWithInByteOrder()
    {
        for (int i = 0; i < 2100; i++)
        {
            fixture.Server.Objects.Put($"paging/{i:D5}.csv.gz", [(byte)i]);
        }

        var names = new List<string>();
        int pages = 0;
        string? start = null;
        do
        {
            string query = $"?prefix=paging%2F&fields=name,size{(start is null ? string.Empty : "&start=" + Uri.EscapeDataString(start))}";
            using JsonDocument page = await ListAsync(query);
            pages++;
            names.AddRange(page.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
            start = page.RootElement.TryGetProperty("nextStartWith", out JsonElement next) ? next.GetString() : null;
        }
        while (start is not null);

        Assert.Equal(3, pages);
        Assert.Equal(2100, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(3, fixture.Server.Requests.Entries.Count(e => e.Operation == Operations.ListObjects && e.Query.Contains("paging", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task List_LimitAndStartAfter_ReturnTheNextNames()
    {
        for (int i = 0; i < 5; i++)
        {
            fixture.Server.Objects.Put($"limit/{i}", [1]);
        }

        using JsonDocument page = await ListAsync("?prefix=limit/&limit=2&startAfter=limit/1");

        Assert.Equal(["limit/2", "limit/3"], Names(page));
        Assert.Equal("limit/4", page.RootElement.GetProperty("nextStartWith").GetString());
    }

    [Fact]
    public async Task List_StartAndEnd_ReturnTheHalfOpenInterval()
    {
        for (int i = 0; i < 5; i++)
        {
            fixture.Server.Objects.Put($"interval/{i}", [1]);
        }

        using JsonDocument page = await ListAsync("?prefix=interval/&start=interval/1&end=interval/3");

        Assert.Equal(["interval/1", "interval/2"], Names(page));
        Assert.False(page.RootElement.TryGetProperty("nextStartWith", out _));
    }

    [Fact]
    public async Task List_Delimiter_GroupsFocusDayFoldersIntoPrefixes()
    {
        using JsonDocument page = await ListAsync("?prefix=FOCUS%20Reports%2F&delimiter=%2F");

        string[] prefixes = page.RootElement.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Contains("FOCUS Reports/2026/", prefixes);
        Assert.Empty(Names(page));
    }

    [Fact]
    public async Task List_Fields_ReturnsOnlyRequestedFieldsCaseInsensitive()
    {
        using JsonDocument page = await ListAsync("?prefix=reports%2Fcost-csv%2F&fields=NAME,Size,md5");

        JsonElement first = page.RootElement.GetProperty("objects")[0];
        Assert.Equal(["name", "size", "md5"], first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task List_DefaultFields_ReturnsNameOnly()
    {
        using JsonDocument page = await ListAsync("?limit=1");

        Assert.Equal(["name"], page.RootElement.GetProperty("objects")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task List_MultipartObject_ReportsMultipartMd5Form()
    {
        using JsonDocument page = await ListAsync("?prefix=FOCUS%20Reports%2F&fields=name,md5");

        string[] md5s = page.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("md5").GetString()!).ToArray();
        Assert.Contains(md5s, m => System.Text.RegularExpressions.Regex.IsMatch(m, "^[A-Za-z0-9+/]{22}==-[2-9]$"));
        Assert.Contains(md5s, m => m.Length == 24 && m.EndsWith("==", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_UnknownField_Returns400()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}?fields=name,colour", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("n/other/b/{bucket}/o", "NamespaceNotFound")]
    [InlineData("n/bling/b/ocid1.tenancy.oc1..someoneelse/o", "BucketNotFound")]
    public async Task List_WrongNamespaceOrBucket_Returns404WithOciCode(string path, string code)
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, path.Replace("{bucket}", fixture.Server.TenancyId, StringComparison.Ordinal), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_OddNames_AreReturnedDecoded()
    {
        // Every page: other tests in this class add thousands of objects that sort before the odd names.
        var names = new List<string>();
        string? start = null;
        do
        {
            using JsonDocument page = await ListAsync(start is null ? string.Empty : "?start=" + Uri.EscapeDataString(start));
            names.AddRange(Names(page));
            start = page.RootElement.TryGetProperty("nextStartWith", out JsonElement next) ? next.GetString() : null;
        }
        while (start is not null);

        foreach (string odd in BlingTreeGenerator.OddNames)
        {
            Assert.Contains(odd, names);
        }
    }

    private async Task<JsonDocument> ListAsync(string query)
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, fixture.BucketPath + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string[] Names(JsonDocument page) =>
        page.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToArray();
}
