using CostSync.Evidence;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Planning;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Evidence;

public sealed class EvidenceArchiveTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Write_KeyAlreadyTaken_WritesUnderANewKeyAndLeavesTheOtherUntouched()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = new DirectoryDestination(_root.Path, overwriteProtection: false, TimeProvider.System);
        var layout = new KeyLayout("oci", tenancyFolder: null);
        var started = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

        var first = await EvidenceArchive.WriteAsync(sut, layout, "20261124T060000Z-3f9a", started, "{\"n\":1}"u8.ToArray(), "# one\n"u8.ToArray(), ct);
        var second = await EvidenceArchive.WriteAsync(sut, layout, "20261124T060000Z-3f9a", started, "{\"n\":2}"u8.ToArray(), "# two\n"u8.ToArray(), ct);

        Assert.Equal(("oci/.costsync/runs/2026/20261124T060000Z-3f9a.json", "oci/.costsync/runs/2026/20261124T060000Z-3f9a.md"), first);
        Assert.Matches(@"^oci/\.costsync/runs/2026/20261124T060000Z-3f9a-[0-9a-f]{4}\.json$", second.Json);
        Assert.Equal("{\"n\":1}", await File.ReadAllTextAsync(Path.Combine(_root.Path, first.Json), ct));
        Assert.Equal("# two\n", await File.ReadAllTextAsync(Path.Combine(_root.Path, second.Markdown), ct));
    }
}
