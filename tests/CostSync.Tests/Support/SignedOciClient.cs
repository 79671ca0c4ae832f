using System.Security.Cryptography;
using System.Text;

namespace CostSync.Tests.Support;

/// <summary>HttpClient + test signer against one emulator: signs every request with the given key and clock.</summary>
internal sealed class SignedOciClient(Uri baseUri, string keyId, RSA key, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = baseUri };

    public string KeyId { get; } = keyId;

    /// <summary>Builds a request for a path relative to the base (already percent-encoded as it must go on the wire).</summary>
    public HttpRequestMessage Create(HttpMethod method, string pathAndQuery, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUri, pathAndQuery.TrimStart('/')));
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    public HttpRequestMessage Signed(HttpMethod method, string pathAndQuery, string? json = null, DateTimeOffset? date = null, IReadOnlyList<string>? headers = null)
    {
        HttpRequestMessage request = Create(method, pathAndQuery, json);
        if (method == HttpMethod.Post && json is null)
        {
            request.Content = new ByteArrayContent([]);
        }

        TestRequestSigner.Sign(request, KeyId, key, date ?? time.GetUtcNow(), headers);
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken, string? json = null) =>
        SendAsync(Signed(method, pathAndQuery, json), cancellationToken);

    public void Dispose() => _http.Dispose();
}
