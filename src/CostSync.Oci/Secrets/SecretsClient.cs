using System.Text;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;

namespace CostSync.Oci.Secrets;

/// <summary>Vault secret retrieval over HTTP; the decoded content only ever lives in a <see cref="SecretValue"/>.</summary>
internal sealed class SecretsClient(HttpClient http, OciEndpointResolver endpoints, IOciAuthProvider auth, TimeProvider time) : ISecretsClient
{
    public async Task<SecretBundle> GetSecretBundleAsync(GetSecretBundleRequest request, CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await endpoints.ResolveAsync(OciService.Secrets, request.SecretId, cancellationToken);
        using var message = new HttpRequestMessage(HttpMethod.Get, OciHttp.BuildUri(endpoint.BaseUrl, $"/secretbundles/{OciHttp.Segment(request.SecretId)}"));
        return await SendAsync(message, new OciCall("GetSecretBundle", auth.Description) { Endpoint = endpoint }, cancellationToken);
    }

    public async Task<SecretBundle> GetSecretBundleByNameAsync(GetSecretBundleByNameRequest request, CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await endpoints.ResolveAsync(OciService.Secrets, request.VaultId, cancellationToken);
        Uri uri = OciHttp.BuildUri(endpoint.BaseUrl, "/secretbundles/actions/getByName", ("secretName", request.SecretName), ("vaultId", request.VaultId));

        // A POST with an empty body: the signing handler attaches an empty JSON body and signs its digest.
        using var message = new HttpRequestMessage(HttpMethod.Post, uri);
        return await SendAsync(message, new OciCall("GetSecretBundleByName", auth.Description) { Endpoint = endpoint }, cancellationToken);
    }

    private async Task<SecretBundle> SendAsync(HttpRequestMessage message, OciCall call, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, call, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await OciErrors.FromResponseAsync(response, call, time, cancellationToken);
        }

        string? requestId = OciErrors.HeaderValue(response, "opc-request-id");
        SecretBundleDto? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), OciJsonContext.Default.SecretBundleDto);
        }
        catch (JsonException)
        {
            // Not chained: the JSON exception could quote the body, which holds the secret.
            throw new OciServiceException(response.StatusCode, null, $"{call.Operation} answered with malformed JSON.", requestId);
        }

        if (bundle?.SecretBundleContent is not { Content: { } content } body
            || !string.Equals(body.ContentType ?? "BASE64", "BASE64", StringComparison.OrdinalIgnoreCase))
        {
            throw new OciServiceException(response.StatusCode, null, $"{call.Operation} answered without BASE64 secret content.", requestId);
        }

        string value;
        try
        {
            value = Encoding.UTF8.GetString(Convert.FromBase64String(content.Reveal()));
        }
        catch (FormatException)
        {
            throw new OciServiceException(response.StatusCode, null, $"{call.Operation} answered with secret content that is not valid base64.", requestId);
        }

        return new SecretBundle(bundle.SecretId ?? "", bundle.VersionNumber ?? 0, new SecretValue(value));
    }
}
