using System.Net;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Requests;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Requests;

public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly OciEmulatorFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Log_ParallelRequests_RecordsEveryOne()
    {
        _fixture.Server.Objects.Put("parallel.bin", new byte[1024]);

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using HttpResponseMessage response = await _fixture.Client.SendAsync(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Head, $"{_fixture.BucketPath}/parallel.bin", Ct);
            await response.Content.ReadAsByteArrayAsync(Ct);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(20, _fixture.Server.Requests.Count(Operations.GetObject));
        Assert.Equal(20, _fixture.Server.Requests.Count(Operations.HeadObject));
    }

    [Fact]
    public async Task Log_CountTakenAsSoonAsEachResponseArrives_IncludesThatRequest()
    {
        _fixture.Server.Objects.Put("each.bin", new byte[64 * 1024]);

        for (int i = 1; i <= 30; i++)
        {
            using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, $"{_fixture.BucketPath}/each.bin", Ct);
            await response.Content.ReadAsByteArrayAsync(Ct);

            Assert.Equal(i, _fixture.Server.Requests.Count(Operations.GetObject));
        }
    }

    [Fact]
    public async Task Log_RecordsRawPathQueryStatusAndPrincipal()
    {
        _fixture.Server.Objects.Put("raw/a b.csv", [1]);

        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, $"{_fixture.BucketPath}/raw%2Fa%20b.csv?x=1", Ct);

        RequestLogEntry entry = Assert.Single(_fixture.Server.Requests.Entries);
        Assert.Equal(new RequestLogEntry("GET", $"/{_fixture.BucketPath}/raw%2Fa%20b.csv", "?x=1", Operations.GetObject, 200, PrincipalKind.ApiKey), entry);
    }

    [Fact]
    public async Task Responses_CarryTheEmulatorClockInTheDateHeader()
    {
        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, "n/", Ct);

        Assert.Equal(_fixture.Time.GetUtcNow(), response.Headers.Date);
    }

    [Fact]
    public async Task Clear_EmptiesTheLog()
    {
        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, "n/", Ct);

        _fixture.Server.Requests.Clear();

        Assert.Empty(_fixture.Server.Requests.Entries);
        Assert.Equal(0, _fixture.Server.Requests.Count(Operations.GetNamespace));
    }
}
