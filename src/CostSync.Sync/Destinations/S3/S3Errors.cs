using System.Net;
using Amazon.S3;

namespace CostSync.Sync.Destinations.S3;

/// <summary>Turns the S3 errors that mean "refused, nothing stored" into <see cref="DestinationRejectedException"/>.</summary>
internal static class S3Errors
{
    public static DestinationRejectedException? Translate(AmazonS3Exception e, string key)
    {
        if (e.ErrorCode is "BadDigest" or "InvalidDigest")
        {
            return new DestinationRejectedException($"S3 rejected {key}: the Content-MD5 did not match the bytes it received ({e.ErrorCode}); nothing was stored.", e) { IsDigestMismatch = true };
        }

        if (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            return new DestinationRejectedException($"S3 refused to overwrite {key}: overwrite protection (If-None-Match: *) is on and the object exists. Remove it or turn off CostSync:Destination:OverwriteProtection.", e);
        }

        return null;
    }
}
