using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;
using CostSync.Oci.Logging;
using CostSync.Oci.Signing;
using Microsoft.Extensions.Logging;
using Polly;

namespace CostSync.Oci.Auth;

/// <summary>Exchanges the instance certificate for a security token bound to a session key (<c>POST {auth}/v1/x509</c>, signed with the leaf key).</summary>
internal sealed class X509FederationClient
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly ClockSkewMonitor _clock;
    private readonly ILogger _logger;

    public X509FederationClient(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider time, ClockSkewMonitor clock, ILogger logger)
    {
        _http = http;
        _pipeline = pipeline;
        _time = time;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Obtains a token for <paramref name="sessionKey"/>. Tries the SHA-256 key id form first and the SHA-1 form after a
    /// 401, unless the 401 comes from this machine's clock being off (then the error says so at once).
    /// </summary>
    public async Task<string> GetTokenAsync(OciEndpoint authEndpoint, InstanceIdentity identity, string tenancyId, RSA sessionKey, CancellationToken cancellationToken)
    {
        var uri = new Uri(authEndpoint.BaseUrl + "/x509", UriKind.Absolute);
        byte[] certificate = identity.Certificate.RawData;
        var body = new X509FederationRequestDto(
            Convert.ToBase64String(certificate),
            [.. identity.Intermediates.Select(c => Convert.ToBase64String(c.RawData))],
            Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo()),
            "SHA256");
        var call = new OciCall("X509 federation", "instance principal certificate") { Endpoint = authEndpoint };
        try
        {
            HttpResponseMessage response = await SendAsync(uri, body, new OciSigningKey($"{tenancyId}/fed-x509-sha256/{KeyFingerprint.Sha256Of(certificate)}", identity.PrivateKey), cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !_clock.IsClockOff(response))
            {
                response.Dispose();
                Log.FederationSha1Fallback(_logger);
                response = await SendAsync(uri, body with { FingerprintAlgorithm = null }, new OciSigningKey($"{tenancyId}/fed-x509/{KeyFingerprint.Sha1Of(certificate)}", identity.PrivateKey), cancellationToken);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await OciErrors.FromResponseAsync(response, call, _time, cancellationToken);
                }

                string json = await response.Content.ReadAsStringAsync(cancellationToken);
                SecurityTokenDto? token = JsonSerializer.Deserialize(json, OciJsonContext.Default.SecurityTokenDto);
                return token?.Token is not { Length: > 0 } secret
                    ? throw new OciServiceException(response.StatusCode, null, $"The federation service at {uri.Host} answered without a token.", OciErrors.HeaderValue(response, "opc-request-id"))
                    : secret.Reveal();
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (OciRetryDecision.IsTransportFailure(e) || e is TaskCanceledException))
        {
            throw OciErrors.FromTransport(e, call, uri);
        }
        catch (JsonException e)
        {
            throw new OciServiceException(0, null, $"The federation service at {uri.Host} answered with malformed JSON.", null, e);
        }
    }

    private Task<HttpResponseMessage> SendAsync(Uri uri, X509FederationRequestDto body, OciSigningKey key, CancellationToken cancellationToken)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(body, OciJsonContext.Default.X509FederationRequestDto);
        return _pipeline.ExecuteAsync(
            async token =>
            {
                // Each attempt is a new request with a fresh Date and signature.
                using var request = new HttpRequestMessage(HttpMethod.Post, uri);
                request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                SignedBody? signed = await SigningHandler.PrepareBodyAsync(request, token);
                SigningHandler.Sign(request, signed, key, _time.GetUtcNow());
                return await _http.SendAsync(request, token);
            },
            cancellationToken).AsTask();
    }
}
