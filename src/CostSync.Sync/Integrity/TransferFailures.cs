using System.Net;
using Amazon.Runtime;
using CostSync.Oci;
using CostSync.Sync.Destinations;
using CostSync.Sync.Transfer;

namespace CostSync.Sync.Integrity;

/// <summary>The one place that decides which failures of a copy are worth another attempt.</summary>
internal static class TransferFailures
{
    public static bool IsRetryable(Exception exception) => exception switch
    {
        SourceGoneException => false,

        // Callers check their own token first, so a cancellation seen here is a timeout (or a stalled body), not a stop request.
        OperationCanceledException or TimeoutException => true,
        IntegrityException => true,
        DestinationRejectedException rejected => rejected.IsDigestMismatch,
        OciServiceException oci => IsRetryableStatus(oci.StatusCode),
        AmazonServiceException aws => IsRetryableStatus(aws.StatusCode),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>True when the source changed between listing and reading (If-Match failed): it will be copied by the next run.</summary>
    public static bool IsSourceChanged(Exception exception) =>
        exception is OciServiceException { StatusCode: HttpStatusCode.PreconditionFailed };

    private static bool IsRetryableStatus(HttpStatusCode status) =>
        status is 0 or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);
}
