using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace CostSync.Tests.Support;

/// <summary>Test-only instance-principal bootstrap against the emulator: IMDS certificates, then <c>POST /v1/x509</c>.</summary>
internal static class TestFederation
{
    public static async Task<string> GetMetadataAsync(SignedOciClient client, string path, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = client.Create(HttpMethod.Get, "opc/v2/" + path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Federates with the current IMDS certificate; returns the HTTP response of <c>/v1/x509</c>.</summary>
    public static async Task<HttpResponseMessage> FederateAsync(SignedOciClient client, RSA sessionKey, TimeProvider time, CancellationToken cancellationToken, bool sha1KeyId = false)
    {
        using X509Certificate2 leaf = X509Certificate2.CreateFromPem(await GetMetadataAsync(client, "identity/cert.pem", cancellationToken));
        using X509Certificate2 intermediate = X509Certificate2.CreateFromPem(await GetMetadataAsync(client, "identity/intermediate.pem", cancellationToken));
        using var leafKey = RSA.Create();
        leafKey.ImportFromPem(await GetMetadataAsync(client, "identity/key.pem", cancellationToken));
        string tenancy = leaf.SubjectName.EnumerateRelativeDistinguishedNames()
            .Select(r => r.GetSingleElementValue() ?? string.Empty)
            .Single(v => v.StartsWith("opc-tenant:", StringComparison.Ordinal))["opc-tenant:".Length..];
        return await FederateAsync(client, leaf, intermediate, leafKey, tenancy, sessionKey, time, cancellationToken, sha1KeyId);
    }

    public static async Task<HttpResponseMessage> FederateAsync(
        SignedOciClient client, X509Certificate2 leaf, X509Certificate2 intermediate, RSA leafKey, string tenancy, RSA sessionKey, TimeProvider time, CancellationToken cancellationToken, bool sha1KeyId = false)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["certificate"] = Convert.ToBase64String(leaf.RawData),
            ["intermediateCertificates"] = new[] { Convert.ToBase64String(intermediate.RawData) },
            ["publicKey"] = Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo()),
        });
#pragma warning disable CA5350 // the fed-x509 keyId form is defined with SHA-1
        string keyId = sha1KeyId
            ? $"{tenancy}/fed-x509/{Convert.ToHexString(SHA1.HashData(leaf.RawData)).ToUpperInvariant().Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b)}"
            : $"{tenancy}/fed-x509-sha256/{string.Join(':', SHA256.HashData(leaf.RawData).Select(b => b.ToString("x2")))}";
#pragma warning restore CA5350
        HttpRequestMessage request = client.Create(HttpMethod.Post, "v1/x509", body);
        TestRequestSigner.Sign(request, keyId, leafKey, time.GetUtcNow());
        return await client.SendAsync(request, cancellationToken);
    }

    public static async Task<string> TokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("token").GetString()!;
    }
}
