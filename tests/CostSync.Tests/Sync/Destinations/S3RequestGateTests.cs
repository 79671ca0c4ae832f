using System.Net;
using CostSync.Sync.Destinations.S3;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

/// <summary>The back-off from a throttling S3: halve on 503/429 once per round, grow by one per limit's worth of successes.</summary>
public sealed class S3RequestGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enter_AtTheLimit_WaitsUntilALeaseIsReturned()
    {
        var sut = new S3RequestGate(2);
        using var first = await sut.EnterAsync(Ct);
        using var second = await sut.EnterAsync(Ct);

        var third = sut.EnterAsync(Ct);
        var waited = !third.IsCompleted;
        first.Complete(200);
        using var admitted = await third;

        Assert.True(waited);
        Assert.Equal(0, sut.Waiting);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Complete_SlowDown_HalvesTheLimitSoNewRequestsWaitUntilFewerAreInFlight(int status)
    {
        var cuts = new List<(int Status, int Previous, int Limit)>();
        var sut = new S3RequestGate(8, (s, p, l) => cuts.Add((s, p, l)));
        var leases = new List<S3RequestLease>();
        for (var i = 0; i < 8; i++)
        {
            leases.Add(await sut.EnterAsync(Ct));
        }

        leases[0].Complete(status);
        var next = sut.EnterAsync(Ct);
        var waitingWithSeven = !next.IsCompleted;
        foreach (var lease in leases.Skip(1).Take(3))
        {
            lease.Complete(200);
        }

        var waitingWithFour = !next.IsCompleted;
        leases[4].Complete(200);
        using var admitted = await next;

        Assert.Equal([(status, 8, 4)], cuts);
        Assert.Equal((4, 4), (sut.Limit, sut.Lowest));
        Assert.True(waitingWithSeven && waitingWithFour, "a new request must wait while as many as the new limit are in flight");
    }

    [Fact]
    public async Task Complete_SeveralSlowDownsOfOneRound_CutOnceThenAgainForARequestSentAfterTheCut()
    {
        var sut = new S3RequestGate(8);
        var leases = new List<S3RequestLease>();
        for (var i = 0; i < 4; i++)
        {
            leases.Add(await sut.EnterAsync(Ct));
        }

        leases[0].Complete(503);
        leases[1].Complete(503);
        leases[2].Complete(429);
        var limitAfterOneRound = sut.Limit;
        using var later = await sut.EnterAsync(Ct);
        later.Complete(503);

        Assert.Equal(4, limitAfterOneRound);
        Assert.Equal(2, sut.Limit);
    }

    [Fact]
    public async Task Complete_Successes_GrowTheLimitByOneAfterAsManySuccessesUpToTheMaximum()
    {
        var sut = new S3RequestGate(3);
        using (var throttled = await sut.EnterAsync(Ct))
        {
            throttled.Complete(503);
        }

        var limits = new List<int> { sut.Limit };
        for (var i = 0; i < 6; i++)
        {
            using var lease = await sut.EnterAsync(Ct);
            lease.Complete(200);
            limits.Add(sut.Limit);
        }

        // 1 after the cut; 2 after one success; 3 (the maximum) after two more; then it stays.
        Assert.Equal([1, 2, 2, 3, 3, 3, 3], limits);
    }

    [Fact]
    public async Task Lease_DisposedWithoutAnAnswer_GivesThePlaceBackWithoutChangingTheLimit()
    {
        var sut = new S3RequestGate(1);
        var first = await sut.EnterAsync(Ct);
        var second = sut.EnterAsync(Ct);

        first.Dispose();
        using var admitted = await second;

        Assert.Equal(1, sut.Limit);
    }

    [Fact]
    public async Task Enter_CancelledWhileWaiting_ThrowsAndTheNextWaiterGetsThePlace()
    {
        var sut = new S3RequestGate(1);
        var held = await sut.EnterAsync(Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = sut.EnterAsync(cancel.Token);
        var next = sut.EnterAsync(Ct);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Complete(200);
        using var admitted = await next;

        Assert.Equal(0, sut.Waiting);
    }

    [Fact]
    public async Task Handler_EverySlowDownAnswer_ReachesTheGate()
    {
        var gate = new S3RequestGate(8);
        using var invoker = new HttpMessageInvoker(new S3ThrottleHandler(gate, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance) { InnerHandler = new Answering(HttpStatusCode.ServiceUnavailable) });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Put, "http://s3.invalid/b/k"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, gate.Limit);
    }

    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status));
    }
}
