using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CostSync.Tests.Support;

/// <summary>
/// Test-only OCI request signer (signature version 1, rsa-sha256), written from the spec so the emulator's
/// verifier can be checked independently of the production signer.
/// </summary>
internal static class TestRequestSigner
{
    public static readonly string[] GetHeaders = ["date", "(request-target)", "host"];
    public static readonly string[] BodyHeaders = ["date", "(request-target)", "host", "content-length", "content-type", "x-content-sha256"];

    /// <summary>Sets Date (or x-date), body headers and Authorization on <paramref name="request"/>.</summary>
    public static void Sign(HttpRequestMessage request, string keyId, RSA key, DateTimeOffset date, IReadOnlyList<string>? headers = null, bool useXDate = false)
    {
        string dateValue = date.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(useXDate ? "x-date" : "date", dateValue);
        bool hasBody = request.Method == HttpMethod.Post || request.Method == HttpMethod.Put;
        byte[] body = [];
        if (hasBody)
        {
            body = request.Content is null ? [] : request.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = request.Content?.Headers.ContentType ?? new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            content.Headers.TryAddWithoutValidation("x-content-sha256", Convert.ToBase64String(SHA256.HashData(body)));
            request.Content = content;
        }

        IReadOnlyList<string> names = headers ?? (hasBody ? BodyHeaders : GetHeaders);
        if (useXDate)
        {
            names = names.Select(n => n == "date" ? "x-date" : n).ToArray();
        }

        string signingString = string.Join('\n', names.Select(n => $"{n}: {Value(request, n)}"));
        string signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"Signature version=\"1\",headers=\"{string.Join(' ', names)}\",keyId=\"{keyId}\",algorithm=\"rsa-sha256\",signature=\"{signature}\"");
    }

    private static string Value(HttpRequestMessage request, string name) => name switch
    {
        "(request-target)" => $"{request.Method.Method.ToLowerInvariant()} {request.RequestUri!.PathAndQuery}",
        "host" => request.RequestUri!.Authority,
        "content-length" => request.Content!.Headers.ContentLength!.Value.ToString(CultureInfo.InvariantCulture),
        "content-type" => request.Content!.Headers.ContentType!.ToString(),
        "x-content-sha256" => request.Content!.Headers.GetValues("x-content-sha256").Single(),
        _ => request.Headers.GetValues(name).Single(),
    };
}
