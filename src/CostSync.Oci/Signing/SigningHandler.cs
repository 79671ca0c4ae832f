using System.Net;
using System.Net.Http.Headers;
using CostSync.Oci.Auth;
using CostSync.Oci.Http;
using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Signing;

/// <summary>
/// Signs every request it sees with the current principal. It sits inside the resilience handler, so each retry
/// attempt gets a fresh <c>Date</c> and signature; a 401 for a token-based principal refreshes the token and
/// repeats the request once, unless the 401 comes from this machine's clock being off (a new token cannot help).
/// </summary>
internal sealed class SigningHandler : DelegatingHandler
{
    private readonly IOciAuthProvider _auth;
    private readonly TimeProvider _time;
    private readonly ClockSkewMonitor _clock;
    private readonly ILogger<SigningHandler> _logger;

    public SigningHandler(IOciAuthProvider auth, TimeProvider time, ClockSkewMonitor clock, ILogger<SigningHandler> logger)
    {
        _auth = auth;
        _time = time;
        _clock = clock;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SignedBody? body = await PrepareBodyAsync(request, cancellationToken);
        OciSigningKey key = await _auth.GetSigningKeyAsync(cancellationToken);
        Sign(request, body, key);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _clock.IsClockOff(response) || !_auth.CanRefresh)
        {
            return response;
        }

        Log.RefreshingAfterUnauthorized(_logger, _auth.Description, request.RequestUri?.Host);
        response.Dispose();
        await _auth.RefreshAsync(key, cancellationToken);
        key = await _auth.GetSigningKeyAsync(cancellationToken);
        Sign(request, body, key);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Signs <paramref name="request"/> in place with <paramref name="key"/>, stamping <c>Date</c> and <c>Host</c> exactly as signed.</summary>
    public static void Sign(HttpRequestMessage request, SignedBody? body, OciSigningKey key, DateTimeOffset now)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("An OCI request needs an absolute RequestUri.");
        string date = RequestSigner.FormatDate(now);
        string host = RequestSigner.HostOf(uri);
        HttpRequestHeaders headers = request.Headers;
        headers.Remove("date");
        headers.TryAddWithoutValidation("date", date);
        headers.Host = host;
        headers.Remove("x-content-sha256");
        if (body is { } b)
        {
            headers.TryAddWithoutValidation("x-content-sha256", b.Sha256);
        }

        headers.Remove("authorization");
        headers.TryAddWithoutValidation("authorization", RequestSigner.CreateAuthorization(
            new SigningInput(request.Method, uri.PathAndQuery, host, date, body), key));
    }

    /// <summary>
    /// For POST/PUT/PATCH: makes the body a buffered <see cref="ByteArrayContent"/> with an explicit content type and
    /// length (never chunked), attaching an empty JSON body when there is none, and returns what the signature covers.
    /// Only small JSON bodies pass through here; CostSync never uploads objects to OCI.
    /// </summary>
    public static async Task<SignedBody?> PrepareBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RequestSigner.CoversBody(request.Method))
        {
            return null;
        }

        HttpContent? content = request.Content;
        byte[] bytes = content is null ? [] : await content.ReadAsByteArrayAsync(cancellationToken);
        if (content is not ByteArrayContent)
        {
            var buffered = new ByteArrayContent(bytes);
            if (content is not null)
            {
                foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                content.Dispose();
            }

            request.Content = content = buffered;
        }

        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = bytes.Length;
        return SignedBody.For(bytes, content.Headers.ContentType.ToString());
    }

    private void Sign(HttpRequestMessage request, SignedBody? body, OciSigningKey key) =>
        Sign(request, body, key, _time.GetUtcNow());
}
