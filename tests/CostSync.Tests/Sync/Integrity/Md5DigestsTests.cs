using System.Security.Cryptography;
using CostSync.Sync.Integrity;
using Xunit;

namespace CostSync.Tests.Sync.Integrity;

public sealed class Md5DigestsTests
{
    [Fact]
    public void MultipartETag_TwoParts_IsMd5OfConcatenatedPartMd5sDashCount()
    {
#pragma warning disable CA5351 // the S3 ETag format is defined with MD5
        var a = MD5.HashData("part one"u8);
        var b = MD5.HashData("part two"u8);
        var expected = Convert.ToHexStringLower(MD5.HashData([.. a, .. b])) + "-2";
#pragma warning restore CA5351

        Assert.Equal(expected, Md5Digests.MultipartETag([a, b]));
    }

    [Theory]
    [InlineData("XrY7u+Ae7tCTyyK7j1rNww==", "5eb63bbbe01eeed093cb22bb8f5acdc3")]
    [InlineData("XrY7u+Ae7tCTyyK7j1rNww==-3", null)]
    [InlineData("not base64", null)]
    [InlineData(null, null)]
    public void Base64ToHex_Table(string? base64, string? hex) => Assert.Equal(hex, Md5Digests.Base64ToHex(base64));

    [Theory]
    [InlineData("\"abc\"", "ABC", true)]
    [InlineData("abc-2", "abc-2", true)]
    [InlineData("abc", null, false)]
    public void SameETag_IgnoresQuotesAndCase(string? a, string? b, bool expected) => Assert.Equal(expected, Md5Digests.SameETag(a, b));
}
