using System.Security.Cryptography;

namespace CostSync.Oci.Signing;

/// <summary>The body facts a POST/PUT/PATCH signature covers: exactly what goes on the wire.</summary>
/// <param name="ContentLength">The <c>Content-Length</c> value.</param>
/// <param name="ContentType">The <c>Content-Type</c> value as sent.</param>
/// <param name="Sha256">Base64 SHA-256 of the body bytes (<c>x-content-sha256</c>).</param>
internal readonly record struct SignedBody(long ContentLength, string ContentType, string Sha256)
{
    public static SignedBody For(ReadOnlySpan<byte> body, string contentType) =>
        new(body.Length, contentType, Convert.ToBase64String(SHA256.HashData(body)));
}
