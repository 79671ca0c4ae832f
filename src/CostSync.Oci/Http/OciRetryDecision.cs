using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CostSync.Oci.Http;

/// <summary>The one place that decides which failed OCI calls are worth another attempt (fed to the resilience handlers).</summary>
internal static class OciRetryDecision
{
    /// <summary>
    /// Idempotent calls (reads): 408, 429, 5xx except 501, timeouts and transport failures. Non-idempotent calls
    /// (PublishMessage): only 429 and failures to connect, where the service surely never saw the request.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        if (outcome.Exception is { } exception)
        {
            return idempotent ? IsTransportFailure(exception) : NeverReachedService(exception);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        int status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        return idempotent && (response.StatusCode == HttpStatusCode.RequestTimeout || (status >= 500 && status != 501));
    }

    /// <summary>True for exceptions that mean "no usable answer arrived" rather than a bug or a cancellation by the caller.</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException;

    private static bool NeverReachedService(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError }
        or BrokenCircuitException;
}
