using System.Net.Sockets;
using Amazon.Runtime;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations;

/// <summary>
/// The text of a destination failure. When S3 could not be reached at all, the AWS SDK's bare transport error
/// ("Connection refused (127.0.0.1:1)") does not say which side failed, so the text names S3 and the setting to check.
/// </summary>
internal static class DestinationFailures
{
    public static string Describe(Exception exception, DestinationOptions options)
    {
        if (options.Kind == DestinationKind.S3 && IsBodylessDenial(exception))
        {
            // A 403 to a HEAD carries no error document, and the AWS SDK's text for it ("Error making request with Error Code
            // Forbidden ...") names neither S3 nor what to check.
            return "S3 denied access (403 Forbidden, without details: the request was a HEAD). A wrong secret key, a key without permission on this bucket and prefix, or a `CostSync:Destination:Region` that is not the bucket's; check the credentials and the bucket policy.";
        }

        if (options.Kind != DestinationKind.S3 || !IsUnreachable(exception))
        {
            return exception.Message;
        }

        var cause = (exception is HttpRequestException ? exception : exception.InnerException ?? exception).Message.TrimEnd('.');
        return options.ServiceUrl is { } url
            ? $"S3 at `CostSync:Destination:ServiceUrl` = {url} did not answer ({cause}). Check the URL and that the S3 server runs and is reachable from this machine."
            : $"AWS S3 (`CostSync:Destination:Region` = {options.Region}, bucket {options.Bucket}) did not answer ({cause}). Check network access to AWS from this machine (firewall, proxy: HTTPS_PROXY) and the region.";
    }

    /// <summary>A 403 whose answer had no body, so no S3 error code.</summary>
    private static bool IsBodylessDenial(Exception exception) =>
        exception is AmazonServiceException { StatusCode: System.Net.HttpStatusCode.Forbidden } aws && (string.IsNullOrEmpty(aws.ErrorCode) || aws.ErrorCode == "Forbidden");

    /// <summary>No answer from S3: the AWS SDK surfaces transport failures as <see cref="HttpRequestException"/> (possibly wrapped).</summary>
    private static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException
        || (exception is AmazonServiceException { StatusCode: 0 } && exception.InnerException is HttpRequestException or SocketException);
}
