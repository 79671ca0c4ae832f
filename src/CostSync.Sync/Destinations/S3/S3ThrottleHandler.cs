namespace CostSync.Sync.Destinations.S3;

/// <summary>Sends every S3 HTTP request (each SDK attempt) through the run's <see cref="S3RequestGate"/>, and tells it how S3 answered.</summary>
internal sealed class S3ThrottleHandler(S3RequestGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        lease.Complete((int)response.StatusCode);
        return response;
    }
}
