using System.Net;
using Amazon.Runtime;

namespace CostSync.Sync.Destinations.S3;

/// <summary>Recognises S3 refusing the credentials, by error code (never by searching a message for "403").</summary>
internal static class S3Denial
{
    /// <summary>The codes that mean "these keys may not do this": wrong or revoked keys, a bad signature, expired session keys, or a policy.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "ExpiredToken",
    };

    /// <summary>
    /// The denial code of <paramref name="exception"/> (or of an exception inside it), or <see langword="null"/> when it is not a denial.
    /// A 403 without a body (HEAD) has no code and counts as <c>AccessDenied</c>.
    /// </summary>
    public static string? CodeOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AmazonServiceException aws)
            {
                if (aws.ErrorCode is { } code && Codes.Contains(code))
                {
                    return code;
                }

                if (aws.StatusCode == HttpStatusCode.Forbidden && (string.IsNullOrEmpty(aws.ErrorCode) || aws.ErrorCode == "Forbidden"))
                {
                    return "AccessDenied";
                }
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="code"/> is one of <see cref="Codes"/>.</summary>
    public static bool IsDenial(string? code) => code is not null && Codes.Contains(code);
}
