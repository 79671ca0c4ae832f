using System.Net;
using CostSync.OciEmulator;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Faults;

public sealed class FaultInjectorTests : IAsyncLifetime
{
    private static readonly byte[] Content = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
    private readonly OciEmulatorFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ObjectPath => $"{_fixture.BucketPath}/fault.bin";

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _fixture.Server.Objects.Put("fault.bin", Content);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public async Task FailEveryNth_FailsEveryNthMatchingRequest(HttpStatusCode status, bool retryAfter)
    {
        _fixture.Server.Faults.FailEveryNth(3, status, Operations.GetObject);

        var statuses = new List<HttpStatusCode>();
        bool sawRetryAfter = false;
        for (int i = 0; i < 6; i++)
        {
            using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);
            statuses.Add(response.StatusCode);
            sawRetryAfter |= response.Headers.RetryAfter is not null;
        }

        using HttpResponseMessage list = await _fixture.Client.SendAsync(HttpMethod.Get, _fixture.BucketPath, Ct);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, status, HttpStatusCode.OK, HttpStatusCode.OK, status], statuses);
        Assert.Equal(retryAfter, sawRetryAfter);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(2, _fixture.Server.Requests.Entries.Count(e => e.Status == (int)status));
    }

    [Fact]
    public async Task TruncateBodies_SendsFewerBytesThanContentLengthThenAborts()
    {
        _fixture.Server.Faults.TruncateBodies(1);

        using HttpResponseMessage truncated = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);
        long? declared = truncated.Content.Headers.ContentLength;
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAllAsync(truncated));
        using HttpResponseMessage next = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);

        Assert.Equal(Content.Length, declared);
        Assert.Equal(Content, await next.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task FlipByte_ChangesExactlyOneByteOfTheNextResponse()
    {
        _fixture.Server.Faults.FlipByte(1);

        using HttpResponseMessage flipped = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);
        byte[] body = await flipped.Content.ReadAsByteArrayAsync(Ct);
        using HttpResponseMessage next = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);

        Assert.Equal(Content.Length, body.Length);
        Assert.Equal(1, body.Zip(Content).Count(p => p.First != p.Second));
        Assert.Equal(Content, await next.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Latency_DelaysResponsesBeyondTheClientTimeout()
    {
        _fixture.Server.Faults.Latency = TimeSpan.FromHours(1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, timeout.Token));
        _fixture.Server.Faults.Latency = TimeSpan.Zero;
        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reset_ClearsFailuresTruncationsFlipsAndLatency()
    {
        _fixture.Server.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable);
        _fixture.Server.Faults.TruncateBodies(5);
        _fixture.Server.Faults.FlipByte(5);
        _fixture.Server.Faults.Latency = TimeSpan.FromHours(1);

        _fixture.Server.Faults.Reset();
        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(TimeSpan.Zero, _fixture.Server.Faults.Latency);
    }

    [Fact]
    public async Task ExpireAllTokens_InvalidatesSessionTokenConfigs()
    {
        string config = _fixture.Server.WriteSessionTokenConfig(Path.Combine(_fixture.Directory, "session"));
        using TestOciCredentials credentials = TestOciCredentials.Load(config);
        using var client = new SignedOciClient(_fixture.Server.BaseUri, credentials.KeyId, credentials.Key, _fixture.Time);

        using HttpResponseMessage before = await client.SendAsync(HttpMethod.Get, "n/", Ct);
        _fixture.Server.Faults.ExpireAllTokens();
        using HttpResponseMessage after = await client.SendAsync(HttpMethod.Get, "n/", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task HoldGets_GetsOfThatObjectWaitUntilReleasedAndAreCounted()
    {
        _fixture.Server.Objects.Put("other.bin", Content);
        var hold = _fixture.Server.Faults.HoldGets("fault.bin");

        var held = _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);
        var heldToo = _fixture.Client.SendAsync(HttpMethod.Get, ObjectPath, Ct);
        await hold.WaitForArrivalsAsync(2, Ct);
        using HttpResponseMessage other = await _fixture.Client.SendAsync(HttpMethod.Get, $"{_fixture.BucketPath}/other.bin", Ct);
        using HttpResponseMessage head = await _fixture.Client.SendAsync(HttpMethod.Head, ObjectPath, Ct);
        bool stillHeld = !held.IsCompleted && !heldToo.IsCompleted;
        hold.Release();
        using HttpResponseMessage first = await held;
        using HttpResponseMessage second = await heldToo;

        Assert.True(stillHeld);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (other.StatusCode, head.StatusCode));
        Assert.Equal(Content, await first.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(Content, await second.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(2, hold.Arrived);
    }

    private static async Task<byte[]> ReadAllAsync(HttpResponseMessage response)
    {
        using var buffer = new MemoryStream();
        await using Stream stream = await response.Content.ReadAsStreamAsync(Ct);
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
