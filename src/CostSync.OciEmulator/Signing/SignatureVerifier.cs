using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CostSync.OciEmulator.Signing;

/// <summary>Verifies an OCI HTTP signature (version 1, rsa-sha256) the way the OCI services do.</summary>
internal sealed class SignatureVerifier(SigningKeyResolver keys, TimeProvider time, TimeSpan maxClockSkew)
{
    public SignatureCheck Verify(HttpRequest request, string rawTarget, byte[] body, string operation)
    {
        if (!AuthorizationHeader.TryParse(request.Headers.Authorization.ToString(), out AuthorizationHeader? auth, out string? error))
        {
            return SignatureCheck.Fail(error);
        }

        if (auth.Version != "1")
        {
            return SignatureCheck.Fail($"Signature version '{auth.Version}' is not supported; use version=\"1\".");
        }

        if (!string.Equals(auth.Algorithm, "rsa-sha256", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Fail($"Signature algorithm '{auth.Algorithm}' is not supported; use algorithm=\"rsa-sha256\".");
        }

        string? missing = RequiredHeaders.FindMissing(request.Method, operation, auth.Headers);
        if (missing is not null)
        {
            return SignatureCheck.Fail($"The signature's headers list \"{string.Join(' ', auth.Headers)}\" must include '{missing}' for a {request.Method} request.");
        }

        if (!SigningString.TryBuild(request, rawTarget, auth.Headers, out string? signingString, out error))
        {
            return SignatureCheck.Fail(error);
        }

        error = CheckDate(request, auth.Headers);
        if (error is not null)
        {
            return SignatureCheck.Fail(error);
        }

        if (!keys.TryResolve(auth.KeyId, operation, out byte[]? publicKey, out var principal, out error))
        {
            return SignatureCheck.Fail(error);
        }

        if (!VerifySignature(publicKey, signingString, auth.Signature))
        {
            return SignatureCheck.Fail(
                "The signature does not match the signing string rebuilt from the request as received " +
                $"(check the key, and that every signed header is sent unchanged): \"{signingString.Replace("\n", "\\n", StringComparison.Ordinal)}\".");
        }

        error = CheckBody(request, auth.Headers, body);
        return error is null ? SignatureCheck.Ok(principal) : SignatureCheck.Fail(error);
    }

    private string? CheckDate(HttpRequest request, IReadOnlyList<string> names)
    {
        string header = names.Contains("x-date") ? "x-date" : "date";
        string value = request.Headers[header].ToString();
        if (!DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            return $"The '{header}' header '{value}' is not an RFC 1123 date (e.g. 'Tue, 24 Nov 2026 21:43:26 GMT').";
        }

        DateTimeOffset now = time.GetUtcNow();
        TimeSpan skew = (date - now).Duration();
        return skew > maxClockSkew
            ? $"The '{header}' header '{value}' is {skew.TotalMinutes:F1} minutes from the service clock ({now:r}); the maximum allowed clock skew is {maxClockSkew.TotalMinutes:F0} minutes. Check the client clock (NTP)."
            : null;
    }

    private static string? CheckBody(HttpRequest request, IReadOnlyList<string> names, byte[] body)
    {
        if (names.Contains("content-length") && request.Headers.ContentLength != body.Length)
        {
            return $"The signed content-length '{request.Headers.ContentLength}' does not match the {body.Length} body bytes received.";
        }

        if (names.Contains("x-content-sha256"))
        {
            string expected = Convert.ToBase64String(SHA256.HashData(body));
            string actual = request.Headers["x-content-sha256"].ToString();
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return $"The x-content-sha256 header '{actual}' does not match the SHA-256 of the body received ('{expected}').";
            }
        }

        return null;
    }

    private static bool VerifySignature(byte[] publicKey, string signingString, string signature)
    {
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        return rsa.VerifyData(Encoding.UTF8.GetBytes(signingString), signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
