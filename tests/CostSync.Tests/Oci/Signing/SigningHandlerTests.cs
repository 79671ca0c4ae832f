using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Signing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Oci.Signing;

public sealed class SigningHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 21, 43, 26, TimeSpan.Zero);
    private readonly RSA _key = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly List<Sent> _sent = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_Get_SignsDateTargetAndHostAsSent()
    {
        using HttpMessageInvoker sut = CreateSut(new RecordingAuth("k1", _key));

        using HttpResponseMessage _ = await sut.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:41234/n/bling/b/t/o?prefix=a%2Bb"), Ct);

        Sent sent = Assert.Single(_sent);
        Assert.Equal("Tue, 24 Nov 2026 21:43:26 GMT", sent.Date);
        Assert.Equal("127.0.0.1:41234", sent.Host);
        Assert.Null(sent.Body);
        string expected = RequestSigner.CreateAuthorization(
            new SigningInput(HttpMethod.Get, "/n/bling/b/t/o?prefix=a%2Bb", "127.0.0.1:41234", sent.Date, null), new OciSigningKey("k1", _key));
        Assert.Equal(expected, sent.Authorization);
    }

    [Fact]
    public async Task Send_PostWithoutBody_AttachesEmptyJsonBodyAndSignsIt()
    {
        using HttpMessageInvoker sut = CreateSut(new RecordingAuth("k1", _key));

        using HttpResponseMessage _ = await sut.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://secrets.vaults.x.oci.oraclecloud.com/20190301/secretbundles/actions/getByName?secretName=a"), Ct);

        Sent sent = Assert.Single(_sent);
        Assert.Equal(("application/json", 0L, RequestSigner.EmptyBodySha256), (sent.ContentType, sent.ContentLength, sent.Sha256));
        Assert.Contains("headers=\"date (request-target) host content-length content-type x-content-sha256\"", sent.Authorization, StringComparison.Ordinal);
        Assert.False(sent.Chunked);
    }

    [Fact]
    public async Task Send_StringContentWithCharset_SignsTheContentTypeActuallySent()
    {
        using HttpMessageInvoker sut = CreateSut(new RecordingAuth("k1", _key));
        var request = new HttpRequestMessage(HttpMethod.Post, "https://notification.x.oraclecloud.com/20181201/topics/t/messages")
        {
            Content = new StringContent("{\"body\":\"ü\"}", Encoding.UTF8, "application/json"),
        };

        using HttpResponseMessage _ = await sut.SendAsync(request, Ct);

        Sent sent = Assert.Single(_sent);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount("{\"body\":\"ü\"}"), sent.ContentLength);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("{\"body\":\"ü\"}"))), sent.Sha256);
        string expected = RequestSigner.CreateAuthorization(
            new SigningInput(HttpMethod.Post, "/20181201/topics/t/messages", "notification.x.oraclecloud.com", sent.Date,
                new SignedBody(sent.ContentLength!.Value, sent.ContentType!, sent.Sha256!)), new OciSigningKey("k1", _key));
        Assert.Equal(expected, sent.Authorization);
    }

    [Fact]
    public async Task Send_401ForRefreshablePrincipal_RefreshesAndResendsSignedWithNewKey()
    {
        var auth = new RecordingAuth("ST$old", _key) { CanRefresh = true, Next = "ST$new" };
        using HttpMessageInvoker sut = CreateSut(auth, HttpStatusCode.Unauthorized, HttpStatusCode.OK);

        using HttpResponseMessage response = await sut.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://h/n/"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["ST$old"], auth.Rejected);
        Assert.Equal(2, _sent.Count);
        Assert.Contains("keyId=\"ST$old\"", _sent[0].Authorization, StringComparison.Ordinal);
        Assert.Contains("keyId=\"ST$new\"", _sent[1].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_401ForApiKey_IsReturnedWithoutRetry()
    {
        var auth = new RecordingAuth("t/u/f", _key);
        using HttpMessageInvoker sut = CreateSut(auth, HttpStatusCode.Unauthorized, HttpStatusCode.OK);

        using HttpResponseMessage response = await sut.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://h/n/"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(_sent);
        Assert.Empty(auth.Rejected);
    }

    [Fact]
    public async Task Send_SameRequestTwice_IsResignedWithCurrentDate()
    {
        using HttpMessageInvoker sut = CreateSut(new RecordingAuth("k1", _key));
        var request = new HttpRequestMessage(HttpMethod.Get, "https://h/n/");

        using (await sut.SendAsync(request, Ct))
        {
        }

        _time.Advance(TimeSpan.FromSeconds(7));
        using (await sut.SendAsync(request, Ct))
        {
        }

        Assert.Equal(["Tue, 24 Nov 2026 21:43:26 GMT", "Tue, 24 Nov 2026 21:43:33 GMT"], _sent.Select(s => s.Date));
        Assert.NotEqual(_sent[0].Authorization, _sent[1].Authorization);
    }

    public void Dispose() => _key.Dispose();

    private HttpMessageInvoker CreateSut(IOciAuthProvider auth, params HttpStatusCode[] statuses)
    {
        var queue = new Queue<HttpStatusCode>(statuses);
        var handler = new SigningHandler(auth, _time, new CostSync.Oci.Http.ClockSkewMonitor(_time, NullLogger<CostSync.Oci.Http.ClockSkewMonitor>.Instance), NullLogger<SigningHandler>.Instance)
        {
            InnerHandler = new Capture(_sent, () => queue.Count > 0 ? queue.Dequeue() : HttpStatusCode.OK),
        };
        return new HttpMessageInvoker(handler);
    }

    private sealed record Sent(string Date, string? Host, string Authorization, string? ContentType, long? ContentLength, string? Sha256, byte[]? Body, bool Chunked);

    private sealed class Capture(List<Sent> sent, Func<HttpStatusCode> status) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpRequestHeaders h = request.Headers;
            sent.Add(new Sent(
                string.Join(",", h.GetValues("date")),
                h.Host,
                string.Join(",", h.GetValues("authorization")),
                request.Content?.Headers.ContentType?.ToString(),
                request.Content?.Headers.ContentLength,
                h.TryGetValues("x-content-sha256", out IEnumerable<string>? sha) ? sha.Single() : null,
                request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken),
                h.TransferEncodingChunked == true));
            return new HttpResponseMessage(status());
        }
    }

    private sealed class RecordingAuth(string keyId, RSA key) : IOciAuthProvider
    {
        private OciSigningKey _current = new(keyId, key);

        public string Description => "test principal";

        public bool CanRefresh { get; init; }

        public string? Next { get; init; }

        public List<string> Rejected { get; } = [];

        public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_current);

        public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken)
        {
            Rejected.Add(rejected.KeyId);
            _current = new OciSigningKey(Next!, key);
            return Task.CompletedTask;
        }

        public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new OciRegion("us-ashburn-1", "oraclecloud.com"));

        public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult("t");
    }
}
