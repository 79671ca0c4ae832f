using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;
using Polly;

namespace CostSync.Oci.Auth;

/// <summary>Instance metadata service v2 (every request carries <c>Authorization: Bearer Oracle</c>).</summary>
internal sealed class InstanceMetadataClient
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public InstanceMetadataClient(HttpClient http, Uri baseUri, ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        _http = http;
        _base = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/", UriKind.Absolute);
        _pipeline = pipeline;
    }

    /// <summary>The leaf certificate, its key and the intermediate certificate.</summary>
    public async Task<InstanceIdentity> GetIdentityAsync(CancellationToken cancellationToken)
    {
        string certificatePem = await GetTextAsync("identity/cert.pem", cancellationToken);
        string keyPem = await GetTextAsync("identity/key.pem", cancellationToken);
        string intermediatePem = await GetTextAsync("identity/intermediate.pem", cancellationToken);
        X509Certificate2 certificate = ParseCertificate(certificatePem, "identity/cert.pem");
        X509Certificate2 intermediate = ParseCertificate(intermediatePem, "identity/intermediate.pem");
        RSA key;
        try
        {
            key = PrivateKeyLoader.Load(keyPem, null, $"{_base}identity/key.pem");
        }
        catch (OciConfigurationException e)
        {
            certificate.Dispose();
            intermediate.Dispose();
            throw new OciServiceException(0, null, $"Instance metadata served an unusable leaf key: {e.Message}", null, e);
        }

        return new InstanceIdentity(certificate, key, [intermediate]);
    }

    /// <summary>The instance's region: <c>/instance/regionInfo</c>, else the short code or name from <c>/instance/region</c>.</summary>
    public async Task<OciRegion> GetRegionAsync(CancellationToken cancellationToken)
    {
        try
        {
            string json = await GetTextAsync("instance/regionInfo", cancellationToken);
            RegionInfoDto? info = JsonSerializer.Deserialize(json, OciJsonContext.Default.RegionInfoDto);
            if (!string.IsNullOrWhiteSpace(info?.RegionIdentifier) && !string.IsNullOrWhiteSpace(info.RealmDomainComponent))
            {
                return new OciRegion(info.RegionIdentifier.Trim(), info.RealmDomainComponent.Trim());
            }
        }
        catch (Exception e) when (e is OciServiceException or OciConfigurationException or JsonException)
        {
            // Older metadata services lack regionInfo: fall back to the short code (which fails with the full explanation if metadata is not there at all).
        }

        return OciRegions.Parse(await GetTextAsync("instance/region", cancellationToken));
    }

    private async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, path);
        try
        {
            using HttpResponseMessage response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "Oracle");
                    return await _http.SendAsync(request, token);
                },
                cancellationToken);
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                // Another cloud's metadata service (or a proxy) refusing OCI's paths: this is not an OCI instance.
                throw new OciConfigurationException(NotAnInstance(uri, $"refused the request (HTTP {(int)response.StatusCode})"));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new OciServiceException(response.StatusCode, null, $"Instance metadata {uri} answered HTTP {(int)response.StatusCode}.", OciErrors.HeaderValue(response, "opc-request-id"));
            }

            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (OciRetryDecision.IsTransportFailure(e) || e is TaskCanceledException))
        {
            throw new OciConfigurationException(NotAnInstance(uri, $"did not answer ({e.Message.TrimEnd('.')})"), e);
        }
    }

    private static string NotAnInstance(Uri uri, string what) =>
        $"Instance principal: instance metadata at {uri} {what}, so it is not reachable or refused: not an OCI instance? "
        + "Instance principal auth works only on an OCI VM. Elsewhere set `CostSync:Oci:Auth` = ApiKey (an API-key profile in ~/.oci/config; `oci setup config` creates one), "
        + "or point `CostSync:Oci:Endpoints:Metadata` at an emulator.";

    private X509Certificate2 ParseCertificate(string pem, string path)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new OciServiceException(0, null, $"Instance metadata {_base}{path} is not a PEM certificate.", null, e);
        }
    }
}
