using System.Text.Json;
using CostSync.Oci.Api;

namespace CostSync.Oci.Notifications;

/// <summary>Keeps a PublishMessage request within the service's 64 KB limit by truncating the body with a marker.</summary>
internal static class MessageFitter
{
    /// <summary>The service's limit for one message request.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Appended to a truncated body.</summary>
    public const string TruncationMarker = "\n…[truncated by CostSync]";

    /// <summary>The request body bytes for <paramref name="title"/> and <paramref name="body"/>, truncating the body so the whole JSON fits.</summary>
    public static byte[] Fit(string? title, string body)
    {
        byte[] whole = Serialize(title, body);
        if (whole.Length <= MaxRequestBytes)
        {
            return whole;
        }

        // Binary search the longest prefix (in chars, never splitting a surrogate pair) that fits with the marker.
        int low = 0;
        int high = body.Length;
        byte[] best = Serialize(title, TruncationMarker);
        while (low <= high)
        {
            int mid = low + ((high - low) / 2);
            int cut = mid > 0 && char.IsHighSurrogate(body[mid - 1]) ? mid - 1 : mid;
            byte[] candidate = Serialize(title, string.Concat(body.AsSpan(0, cut), TruncationMarker));
            if (candidate.Length <= MaxRequestBytes)
            {
                best = candidate;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return best;
    }

    private static byte[] Serialize(string? title, string body) =>
        JsonSerializer.SerializeToUtf8Bytes(new MessageDetailsDto(title, body), OciJsonContext.Default.MessageDetailsDto);
}
