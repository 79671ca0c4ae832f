using System.Net;
using System.Net.Sockets;
using CostSync.Oci.Http;
using Polly;
using Polly.Timeout;
using Xunit;

namespace CostSync.Tests.Oci.Http;

public sealed class OciRetryDecisionTests
{
    [Theory]
    // reads retry throttling, timeouts and server errors (except 501); never other 4xx
    [InlineData(429, true, true)]
    [InlineData(408, true, true)]
    [InlineData(500, true, true)]
    [InlineData(502, true, true)]
    [InlineData(503, true, true)]
    [InlineData(504, true, true)]
    [InlineData(501, true, false)]
    [InlineData(400, true, false)]
    [InlineData(401, true, false)]
    [InlineData(404, true, false)]
    [InlineData(412, true, false)]
    [InlineData(200, true, false)]
    // a publish is repeated only on throttling: a 5xx may have delivered it
    [InlineData(429, false, true)]
    [InlineData(503, false, false)]
    [InlineData(500, false, false)]
    [InlineData(408, false, false)]
    public void ShouldRetry_Status_FollowsSdkGuidance(int status, bool idempotent, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, OciRetryDecision.ShouldRetry(Outcome.FromResult(response), idempotent));
    }

    public static TheoryData<Exception, bool, bool> Exceptions() => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException()), true, true },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException()), false, true },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "dns"), false, true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), true, true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), false, false },
        { new TimeoutRejectedException(), true, true },
        { new TimeoutRejectedException(), false, false },
        { new IOException("reset"), true, true },
        { new InvalidOperationException("bug"), true, false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void ShouldRetry_Exception_RetriesTransportFailures(Exception exception, bool idempotent, bool expected)
    {
        Assert.Equal(expected, OciRetryDecision.ShouldRetry(Outcome.FromException<HttpResponseMessage>(exception), idempotent));
    }
}
