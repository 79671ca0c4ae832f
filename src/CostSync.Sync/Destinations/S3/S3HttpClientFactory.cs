using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// The HttpClient the AWS SDK builds for itself when no factory is set (its <c>HttpRequestMessageFactory</c>: no automatic
/// redirects or decompression, the configured proxy, connection limit and timeout), with the run's <see cref="S3RequestGate"/> in
/// front. The SDK keeps caching it per S3 client.
/// </summary>
internal sealed class S3HttpClientFactory(S3RequestGate gate, ILogger logger) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
#pragma warning disable CA2000 // the HttpClient owns its handlers and disposes them
        var handler = new HttpClientHandler { AllowAutoRedirect = clientConfig.AllowAutoRedirect, AutomaticDecompression = DecompressionMethods.None };
        if (clientConfig.MaxConnectionsPerServer is { } connections)
        {
            handler.MaxConnectionsPerServer = connections;
        }

        if (clientConfig.GetWebProxy() is { } proxy)
        {
            handler.Proxy = proxy;
            if (clientConfig.ProxyCredentials is { } credentials)
            {
                proxy.Credentials = credentials;
            }
        }

        var client = new HttpClient(new S3ThrottleHandler(gate, logger) { InnerHandler = handler });
#pragma warning restore CA2000
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }
}
