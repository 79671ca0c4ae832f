using System.Buffers.Text;
using System.Text;
using CostSync.Oci.Auth;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

public sealed class JwtExpiryTests
{
    [Fact]
    public void Read_TokenWithExp_ReturnsIt()
    {
        string token = Jwt("""{"sub":"x","exp":1795000000,"iat":1794990000}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), JwtExpiry.Read(token));
    }

    [Theory]
    // not three parts, not base64url, not JSON, no numeric exp
    [InlineData("abc")]
    [InlineData("a.!!!.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void Read_Malformed_ThrowsFormatException(string token)
    {
        Assert.Throws<FormatException>(() => JwtExpiry.Read(token));
    }

    [Fact]
    public void Read_NoExp_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => JwtExpiry.Read(Jwt("""{"sub":"x"}""")));
    }

    [Theory]
    // 5 minutes ahead for normal tokens, half-life for short ones
    [InlineData(3600, 3300)]
    [InlineData(600, 300)]
    [InlineData(120, 60)]
    public void RefreshTime_Lifetime_RefreshesAheadOfExpiry(int lifetimeSeconds, int expectedSeconds)
    {
        var now = new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

        DateTimeOffset refreshAt = InstancePrincipalAuthProvider.RefreshTime(now, now.AddSeconds(lifetimeSeconds));

        Assert.Equal(now.AddSeconds(expectedSeconds), refreshAt);
    }

    internal static string Jwt(string payloadJson) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}.c2ln";
}
