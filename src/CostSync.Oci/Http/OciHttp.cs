namespace CostSync.Oci.Http;

/// <summary>Sends one OCI call and turns "no answer after retries" into an <see cref="OciServiceException"/>.</summary>
internal static class OciHttp
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage request, HttpCompletionOption completion, OciCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (OciRetryDecision.IsTransportFailure(e) || e is TaskCanceledException))
        {
            throw OciErrors.FromTransport(e, call, request.RequestUri);
        }
    }

    /// <summary>Builds an absolute URI from a base and already-escaped path and query parts, so nothing is escaped twice.</summary>
    public static Uri BuildUri(string baseUrl, string escapedPath, params ReadOnlySpan<(string Name, string? Value)> query)
    {
        var builder = new System.Text.StringBuilder(baseUrl).Append(escapedPath);
        char separator = '?';
        foreach ((string name, string? value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        // The string is already escaped: keep it byte for byte (no unescaping of %2E, no dot-segment removal).
        return new Uri(builder.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>One path segment, percent-encoded strictly (<c>/</c> becomes <c>%2F</c>; a bare <c>.</c> or <c>..</c> is encoded too so it is never collapsed).</summary>
    public static string Segment(string value) =>
        value is "." or ".." ? value.Replace(".", "%2E", StringComparison.Ordinal) : Uri.EscapeDataString(value);
}
