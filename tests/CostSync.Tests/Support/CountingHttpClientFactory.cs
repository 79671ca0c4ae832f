using Amazon.Runtime;

namespace CostSync.Tests.Support;

/// <summary>Gives the AWS SDK an HttpClient whose handler records every request in a <see cref="RequestLog"/>.</summary>
public sealed class CountingHttpClientFactory(RequestLog log) : HttpClientFactory
{
    private readonly Lazy<HttpClient> _client = new(() => new HttpClient(new RecordingHandler(log) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan });

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client.Value;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class RecordingHandler(RequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await log.AddAsync(request, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
