using System.Security.Cryptography;
using System.Text.Json;
using CostSync.OciEmulator.Hosting;
using CostSync.OciEmulator.Requests;

namespace CostSync.OciEmulator.Identity;

/// <summary><c>POST /v1/x509</c>: exchanges the instance certificate (plus a session public key) for a security token.</summary>
internal sealed class FederationHandler(Lazy<CertificateAuthority> authority, TokenIssuer tokens)
{
    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        string? certificate;
        string? publicKey;
        List<string> intermediates = [];
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            JsonElement root = document.RootElement;
            certificate = root.TryGetProperty("certificate", out JsonElement c) ? c.GetString() : null;
            publicKey = root.TryGetProperty("publicKey", out JsonElement k) ? k.GetString() : null;
            if (root.TryGetProperty("intermediateCertificates", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                intermediates.AddRange(list.EnumerateArray().Select(e => e.GetString() ?? string.Empty));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            await OciErrors.InvalidParameterAsync(request.Context, "The federation request body is not the expected JSON {certificate, intermediateCertificates, publicKey}.", cancellationToken);
            return;
        }

        if (certificate is null || publicKey is null)
        {
            await OciErrors.WriteAsync(request.Context, System.Net.HttpStatusCode.BadRequest, "MissingParameter", "The federation request needs 'certificate' and 'publicKey'.", cancellationToken);
            return;
        }

        CertificateAuthority ca = authority.Value;
        if (!SameDer(certificate, ca.Leaf.Certificate.RawData))
        {
            await OciErrors.NotAuthenticatedAsync(request.Context, "The certificate is not the instance's current certificate (it may have rotated; re-read identity/cert.pem).", cancellationToken);
            return;
        }

        if (!intermediates.Any(i => SameDer(i, ca.IntermediateDer)))
        {
            await OciErrors.NotAuthenticatedAsync(request.Context, "The intermediateCertificates do not include the intermediate CA that issued the instance certificate.", cancellationToken);
            return;
        }

        byte[] sessionKey;
        try
        {
            sessionKey = Convert.FromBase64String(publicKey);
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(sessionKey, out _);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            await OciErrors.InvalidParameterAsync(request.Context, "publicKey must be a base64 DER SubjectPublicKeyInfo of an RSA key.", cancellationToken);
            return;
        }

        string token = tokens.Issue(ca.InstanceId, PrincipalKind.InstancePrincipal, sessionKey);
        await JsonResponse.WriteAsync(request.Response, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteEndObject();
        }, cancellationToken);
    }

    private static bool SameDer(string base64, byte[] der)
    {
        try
        {
            return Convert.FromBase64String(base64).AsSpan().SequenceEqual(der);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
