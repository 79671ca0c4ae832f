using CostSync.Sync.Planning;
using Xunit;

namespace CostSync.Tests.Sync.Planning;

public sealed class MirrorGuardTests
{
    [Theory]
    // nothing to delete: never refused
    [InlineData(0, 10, 0, 0.1, null)]
    // empty source listing: refused whatever the share
    [InlineData(0, 10, 1, 1.0, "source listing is empty")]
    // share above the limit: refused and the key is named
    [InlineData(100, 10, 2, 0.1, "MirrorMaxDeleteShare")]
    // within the share: allowed
    [InlineData(100, 10, 1, 0.1, null)]
    public void Refusal_Table(int sourceListed, int destinationObjects, int deletions, double share, string? expected)
    {
        var refusal = MirrorGuard.Refusal(sourceListed, destinationObjects, deletions, share);

        if (expected is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(expected, refusal, StringComparison.Ordinal);
        }
    }
}
