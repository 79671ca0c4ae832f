using System.Net;

namespace CostSync.Oci;

/// <summary>An OCI service answered with an error, or could not be reached after retries.</summary>
/// <remarks>Carries what Oracle support needs (status, OCI error code, <c>opc-request-id</c>) and never request headers or secrets.</remarks>
public sealed class OciServiceException : Exception
{
    public OciServiceException()
    {
    }

    public OciServiceException(string message)
        : base(message)
    {
    }

    public OciServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OciServiceException(HttpStatusCode statusCode, string? errorCode, string message, string? opcRequestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        OpcRequestId = opcRequestId;
    }

    /// <summary>The HTTP status the service answered with; 0 when no answer arrived.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The OCI error code, e.g. <c>BucketNotFound</c> or <c>NotAuthenticated</c>, when the service sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>opc-request-id</c> of the failed call, for Oracle support.</summary>
    public string? OpcRequestId { get; }

    /// <summary>A 401 whose <c>Date</c> shows this machine's clock more than 5 minutes off the service's: no new token can help.</summary>
    public bool ClockSkew { get; init; }
}
