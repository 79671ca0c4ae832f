using CostSync.Sync.Integrity;
using Xunit;

namespace CostSync.Tests.Sync.Integrity;

public sealed class Crc32CDigestsTests
{
    [Fact]
    public void Hash_StandardCheckString_IsTheCastagnoliCheckValueInBigEndianBase64()
    {
        var crc = Crc32CDigests.Hash("123456789"u8);

        Assert.Equal(0xE3069283u, crc);
        Assert.Equal("4waSgw==", Crc32CDigests.ToBase64(crc));
    }

    [Theory]
    // split points: empty halves, one byte, a part boundary that is not a power of two, long second halves
    [InlineData(0, 0)]
    [InlineData(1000, 0)]
    [InlineData(0, 1000)]
    [InlineData(1, 1)]
    [InlineData(5_000_003, 7)]
    [InlineData(3, 5_000_011)]
    [InlineData(1 << 20, (1 << 20) + 1)]
    public void Combine_TwoHalves_EqualsHashOfTheWhole(int firstLength, int secondLength)
    {
        var content = new byte[firstLength + secondLength];
        new Random(firstLength ^ secondLength).NextBytes(content);

        var combined = Crc32CDigests.Combine(Crc32CDigests.Hash(content.AsSpan(0, firstLength)), Crc32CDigests.Hash(content.AsSpan(firstLength)), secondLength);

        Assert.Equal(Crc32CDigests.Hash(content), combined);
    }

    [Fact]
    public void Combine_ManyUnequalPartsInOrder_EqualsHashOfTheWhole()
    {
        var content = new byte[3_000_000];
        new Random(7).NextBytes(content);
        var whole = Crc32CDigests.Hash(ReadOnlySpan<byte>.Empty);
        for (int offset = 0, size = 1; offset < content.Length; offset += size, size = size * 3 + 1)
        {
            var part = content.AsSpan(offset, Math.Min(size, content.Length - offset));
            whole = Crc32CDigests.Combine(whole, Crc32CDigests.Hash(part), part.Length);
        }

        Assert.Equal(Crc32CDigests.Hash(content), whole);
    }

    [Theory]
    [InlineData("4waSgw==", true, 0xE3069283u)]
    [InlineData("AAAAAA==", true, 0u)]
    [InlineData("4waSgwA=", false, 0u)] // five bytes
    [InlineData("not base64", false, 0u)]
    [InlineData(null, false, 0u)]
    public void TryParse_Table(string? base64, bool ok, uint expected)
    {
        Assert.Equal(ok, Crc32CDigests.TryParse(base64, out var crc));
        Assert.Equal(expected, crc);
    }
}
