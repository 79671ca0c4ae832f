using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CostSync.Oci.Auth;

namespace CostSync.Oci.Signing;

/// <summary>OCI HTTP signature version 1 (rsa-sha256), as the OCI SDKs compute it: a pure function of the request facts and the key.</summary>
internal static class RequestSigner
{
    /// <summary>Base64 SHA-256 of zero bytes.</summary>
    public const string EmptyBodySha256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private const string BodilessHeaders = "date (request-target) host";
    private const string BodyHeaders = "date (request-target) host content-length content-type x-content-sha256";

    /// <summary>True for the methods whose signature also covers the body (POST, PUT, PATCH).</summary>
    public static bool CoversBody(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;

    /// <summary>The <c>Host</c> header value for <paramref name="uri"/>: the port is included only when it is not the scheme's default (as the OCI TypeScript SDK signs it).</summary>
    public static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Authority;

    /// <summary>The <c>Date</c> header value for <paramref name="now"/> (IMF-fixdate).</summary>
    public static string FormatDate(DateTimeOffset now) => now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>The signing string: one <c>name: value</c> line per signed header, joined by <c>\n</c>.</summary>
    public static string BuildSigningString(SigningInput input)
    {
        var builder = new StringBuilder(256)
            .Append("date: ").Append(input.Date).Append('\n')
            .Append("(request-target): ").Append(input.Method.Method.ToLowerInvariant()).Append(' ').Append(input.PathAndQuery).Append('\n')
            .Append("host: ").Append(input.Host);
        if (input.Body is { } body)
        {
            builder.Append('\n')
                .Append("content-length: ").Append(body.ContentLength.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("content-type: ").Append(body.ContentType).Append('\n')
                .Append("x-content-sha256: ").Append(body.Sha256);
        }

        return builder.ToString();
    }

    /// <summary>The <c>Authorization</c> header value: <c>Signature version="1",keyId=…,algorithm="rsa-sha256",headers=…,signature=…</c>.</summary>
    public static string CreateAuthorization(SigningInput input, OciSigningKey key)
    {
        byte[] signature = key.PrivateKey.SignData(
            Encoding.UTF8.GetBytes(BuildSigningString(input)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        string headers = input.Body is null ? BodilessHeaders : BodyHeaders;
        return $"Signature version=\"1\",keyId=\"{key.KeyId}\",algorithm=\"rsa-sha256\",headers=\"{headers}\",signature=\"{Convert.ToBase64String(signature)}\"";
    }
}
