using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Requests;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Signing;

public sealed class SignatureVerifierTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_ValidApiKeySignature_IsAccepted()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Get, $"{fixture.BucketPath}?limit=1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Server.Requests.Entries, e => e.Operation == Operations.ListObjects && e.Principal == PrincipalKind.ApiKey && e.Status == 200);
    }

    [Fact]
    public async Task Verify_XDateInsteadOfDate_IsAccepted()
    {
        using TestOciCredentials credentials = TestOciCredentials.Load(fixture.ConfigPath);
        HttpRequestMessage request = fixture.Client.Create(HttpMethod.Get, "n/");
        TestRequestSigner.Sign(request, credentials.KeyId, credentials.Key, fixture.Time.GetUtcNow(), useXDate: true);

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"costsynctest\"", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Verify_WrongKey_Returns401NamingTheSignature()
    {
        using RSA otherKey = TestKeys.Get("other");
        HttpRequestMessage request = fixture.Client.Create(HttpMethod.Get, fixture.BucketPath);
        TestRequestSigner.Sign(request, fixture.Client.KeyId, otherKey, fixture.Time.GetUtcNow());

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("signature does not match", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnknownKeyId_Returns401NamingTheKeyId()
    {
        using TestOciCredentials credentials = TestOciCredentials.Load(fixture.ConfigPath);
        HttpRequestMessage request = fixture.Client.Create(HttpMethod.Get, fixture.BucketPath);
        TestRequestSigner.Sign(request, credentials.KeyId[..^2] + "00", credentials.Key, fixture.Time.GetUtcNow());

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("is not a registered API key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HeaderTamperedAfterSigning_Returns401()
    {
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, fixture.BucketPath);
        request.Headers.Remove("date");
        request.Headers.TryAddWithoutValidation("date", fixture.Time.GetUtcNow().AddSeconds(1).ToString("r"));

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("signature does not match", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_QueryTamperedAfterSigning_Returns401()
    {
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, $"{fixture.BucketPath}?limit=1");
        request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("limit=1", "limit=2", StringComparison.Ordinal));

        (HttpStatusCode status, _) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Verify_HostMissingFromHeaderList_Returns401NamingHost()
    {
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, fixture.BucketPath, headers: ["date", "(request-target)"]);

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("must include 'host'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PostWithoutBodyDigestInHeaderList_Returns401NamingTheDigest()
    {
        fixture.Server.Notifications.AddTopic("ocid1.onstopic.oc1.iad.sigtest");
        HttpRequestMessage request = fixture.Client.Signed(
            HttpMethod.Post, "20181201/topics/ocid1.onstopic.oc1.iad.sigtest/messages", "{\"body\":\"x\"}", headers: ["date", "(request-target)", "host", "content-length", "content-type"]);

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("must include 'x-content-sha256'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BodyDigestMismatch_Returns401NamingTheDigest()
    {
        fixture.Server.Notifications.AddTopic("ocid1.onstopic.oc1.iad.digest");
        using TestOciCredentials credentials = TestOciCredentials.Load(fixture.ConfigPath);
        HttpRequestMessage request = fixture.Client.Create(HttpMethod.Post, "20181201/topics/ocid1.onstopic.oc1.iad.digest/messages", "{\"body\":\"signed\"}");
        request.Content!.Headers.TryAddWithoutValidation("x-content-sha256", Convert.ToBase64String(SHA256.HashData("{\"body\":\"other!\"}"u8)));
        request.Headers.TryAddWithoutValidation("date", fixture.Time.GetUtcNow().ToString("r"));
        SignPrepared(request, credentials);

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("x-content-sha256", message, StringComparison.Ordinal);
        Assert.Contains("does not match the SHA-256 of the body", message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Notifications.Messages, m => m.TopicId == "ocid1.onstopic.oc1.iad.digest");
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Verify_DateSixMinutesOff_Returns401NamingClockSkew(int minutes)
    {
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, fixture.BucketPath, date: fixture.Time.GetUtcNow().AddMinutes(minutes));

        (HttpStatusCode status, string message) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("maximum allowed clock skew is 5 minutes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DateFourMinutesOff_IsAccepted()
    {
        HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Get, fixture.BucketPath, date: fixture.Time.GetUtcNow().AddMinutes(-4));

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Verify_NoAuthorizationHeader_Returns401WithRequestId()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(fixture.Client.Create(HttpMethod.Get, fixture.BucketPath), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("opc-request-id"));
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("NotAuthenticated", body.RootElement.GetProperty("code").GetString());
        Assert.Contains(fixture.Server.Requests.Entries, e => e.Status == 401 && e.Principal == PrincipalKind.Anonymous);
    }

    [Fact]
    public async Task Verify_SessionTokenConfig_IsAcceptedAsSessionToken()
    {
        string config = fixture.Server.WriteSessionTokenConfig(Path.Combine(fixture.Directory, "session"));
        using TestOciCredentials credentials = TestOciCredentials.Load(config);
        using var client = new SignedOciClient(fixture.Server.BaseUri, credentials.KeyId, credentials.Key, fixture.Time);

        using HttpResponseMessage response = await client.SendAsync(HttpMethod.Get, "n/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ST$", credentials.KeyId, StringComparison.Ordinal);
        Assert.Contains(fixture.Server.Requests.Entries, e => e.Principal == PrincipalKind.SessionToken);
    }

    private static void SignPrepared(HttpRequestMessage request, TestOciCredentials credentials)
    {
        string[] names = ["date", "(request-target)", "host", "content-length", "content-type", "x-content-sha256"];
        string signingString = string.Join('\n', names.Select(n => n switch
        {
            "(request-target)" => $"(request-target): post {request.RequestUri!.PathAndQuery}",
            "host" => $"host: {request.RequestUri!.Authority}",
            "date" => $"date: {request.Headers.GetValues("date").Single()}",
            "content-length" => $"content-length: {request.Content!.Headers.ContentLength}",
            "content-type" => $"content-type: {request.Content!.Headers.ContentType}",
            _ => $"x-content-sha256: {request.Content!.Headers.GetValues("x-content-sha256").Single()}",
        }));
        string signature = Convert.ToBase64String(credentials.Key.SignData(System.Text.Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        request.Headers.TryAddWithoutValidation("Authorization", $"Signature algorithm=\"rsa-sha256\",headers=\"{string.Join(' ', names)}\",keyId=\"{credentials.KeyId}\",signature=\"{signature}\",version=\"1\"");
    }

    private async Task<(HttpStatusCode Status, string Message)> SendAsync(HttpRequestMessage request)
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);
        string text = await response.Content.ReadAsStringAsync(Ct);
        using JsonDocument body = JsonDocument.Parse(text);
        Assert.Equal("NotAuthenticated", body.RootElement.GetProperty("code").GetString());
        return (response.StatusCode, body.RootElement.GetProperty("message").GetString()!);
    }
}
