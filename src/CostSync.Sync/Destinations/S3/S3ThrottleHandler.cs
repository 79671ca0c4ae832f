using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// Sends every S3 HTTP request (each AWS SDK attempt) through the run's <see cref="S3RequestGate"/> and tells it how S3 answered;
/// logs every attempt that failed (5xx, 429, no answer), which the SDK then retries within <c>Destination:MaxRetryAttempts</c>.
/// </summary>
internal sealed class S3ThrottleHandler(S3RequestGate gate, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            Log.S3AttemptFailed(logger, request.Method.Method, What(request), e.Message.TrimEnd('.'));
            throw;
        }

        var status = (int)response.StatusCode;
        lease.Complete(status);
        if (status is 429 or >= 500)
        {
            Log.S3AttemptFailed(logger, request.Method.Method, What(request), $"HTTP {status}");
        }

        return response;
    }

    /// <summary>The path without the query (which may carry a presigned signature) and without the host.</summary>
    private static string What(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";
}
