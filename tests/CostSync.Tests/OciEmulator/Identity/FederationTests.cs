using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Requests;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Identity;

public sealed class FederationTests : IAsyncLifetime
{
    private readonly OciEmulatorFixture _fixture = new();
    private readonly RSA _sessionKey = TestKeys.Get("session");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _sessionKey.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Federate_WithInstanceCertificate_IssuesJwtWithClaimsAndSessionKey()
    {
        string token = await TestFederation.TokenAsync(await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct), Ct);

        string[] parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using JsonDocument payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        JsonElement root = payload.RootElement;
        Assert.Equal(_fixture.Server.TenancyId, root.GetProperty("tenant").GetString());
        Assert.StartsWith("ocid1.instance.oc1.iad.", root.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.Equal(_fixture.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), root.GetProperty("exp").GetInt64());
        Assert.Equal(_fixture.Time.GetUtcNow().ToUnixTimeSeconds(), root.GetProperty("iat").GetInt64());
        using JsonDocument jwk = JsonDocument.Parse(root.GetProperty("jwk").GetString()!);
        Assert.Equal(Base64Url.EncodeToString(_sessionKey.ExportParameters(false).Modulus), jwk.RootElement.GetProperty("n").GetString());
        Assert.Equal(1, _fixture.Server.Requests.Count(Operations.Federation));
    }

    [Fact]
    public async Task Federate_WithSha1KeyIdUppercase_IsAccepted()
    {
        using HttpResponseMessage response = await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct, sha1KeyId: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_SignsRequestsUntilExpireAllTokens_ThenReturns401()
    {
        string token = await TestFederation.TokenAsync(await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct), Ct);
        using var client = new SignedOciClient(_fixture.Server.BaseUri, "ST$" + token, _sessionKey, _fixture.Time);

        using HttpResponseMessage before = await client.SendAsync(HttpMethod.Get, _fixture.BucketPath, Ct);
        _fixture.Server.Faults.ExpireAllTokens();
        using HttpResponseMessage after = await client.SendAsync(HttpMethod.Get, _fixture.BucketPath, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(_fixture.Server.Requests.Entries, e => e.Principal == PrincipalKind.InstancePrincipal && e.Status == 200);
        string fresh = await TestFederation.TokenAsync(await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct), Ct);
        using var renewed = new SignedOciClient(_fixture.Server.BaseUri, "ST$" + fresh, _sessionKey, _fixture.Time);
        using HttpResponseMessage again = await renewed.SendAsync(HttpMethod.Get, _fixture.BucketPath, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Token_AfterLifetimeOnTheFakeClock_Returns401Expired()
    {
        string token = await TestFederation.TokenAsync(await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct), Ct);
        using var client = new SignedOciClient(_fixture.Server.BaseUri, "ST$" + token, _sessionKey, _fixture.Time);

        _fixture.Time.Advance(TimeSpan.FromMinutes(59));
        using HttpResponseMessage valid = await client.SendAsync(HttpMethod.Get, "n/", Ct);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        using HttpResponseMessage expired = await client.SendAsync(HttpMethod.Get, "n/", Ct);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Returns401()
    {
        string token = await TestFederation.TokenAsync(await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct), Ct);
        using RSA otherKey = TestKeys.Get("other");
        using var client = new SignedOciClient(_fixture.Server.BaseUri, "ST$" + token, otherKey, _fixture.Time);

        using HttpResponseMessage response = await client.SendAsync(HttpMethod.Get, "n/", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Federate_WithRotatedOldCertificate_Returns401_AndNewCertificateWorks()
    {
        using var oldLeaf = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await TestFederation.GetMetadataAsync(_fixture.Client, "identity/cert.pem", Ct));
        using var intermediate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await TestFederation.GetMetadataAsync(_fixture.Client, "identity/intermediate.pem", Ct));
        using var oldKey = RSA.Create();
        oldKey.ImportFromPem(await TestFederation.GetMetadataAsync(_fixture.Client, "identity/key.pem", Ct));

        _fixture.Server.Faults.RotateInstanceCertificate();
        using HttpResponseMessage stale = await TestFederation.FederateAsync(_fixture.Client, oldLeaf, intermediate, oldKey, _fixture.Server.TenancyId, _sessionKey, _fixture.Time, Ct);
        using HttpResponseMessage fresh = await TestFederation.FederateAsync(_fixture.Client, _sessionKey, _fixture.Time, Ct);
        using var newLeaf = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await TestFederation.GetMetadataAsync(_fixture.Client, "identity/cert.pem", Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("current certificate", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(oldLeaf.Thumbprint, newLeaf.Thumbprint);
        Assert.Equal(oldLeaf.Subject, newLeaf.Subject);
    }

    [Fact]
    public async Task Federate_WithApiKey_Returns401()
    {
        string body = "{\"certificate\":\"x\",\"publicKey\":\"y\",\"intermediateCertificates\":[]}";

        using HttpResponseMessage response = await _fixture.Client.SendAsync(HttpMethod.Post, "v1/x509", Ct, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
