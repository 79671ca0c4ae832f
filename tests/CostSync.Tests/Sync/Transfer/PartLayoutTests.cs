using CostSync.Sync.Transfer;
using Xunit;

namespace CostSync.Tests.Sync.Transfer;

public sealed class PartLayoutTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(200 * MiB, 5 * MiB, 5 * MiB, 40)]
    [InlineData(200 * MiB, 1 * MiB, 5 * MiB, 40)] // never below S3's 5 MiB minimum
    [InlineData(100 * MiB + 1, 16 * MiB, 16 * MiB, 7)]
    [InlineData(100_000 * MiB, 5 * MiB, 10 * MiB, 10_000)] // grown so the object fits 10,000 parts
    [InlineData(100_001 * MiB, 5 * MiB, 11 * MiB, 9_091)]
    public void For_Table(long size, long preferred, long expectedPartSize, int expectedCount)
    {
        var sut = PartLayout.For(size, preferred);

        Assert.Equal((expectedPartSize, expectedCount), (sut.PartSize, sut.PartCount));
        Assert.InRange(sut.PartCount, 1, PartLayout.MaxParts);
        var last = sut.Range(sut.PartCount - 1);
        Assert.Equal(size, last.Offset + last.Length);
    }
}
