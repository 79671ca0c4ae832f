using CostSync.Configuration;
using CostSync.Evidence;
using CostSync.State;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Host.Evidence;

public sealed class EvidenceStoreTests : IDisposable
{
    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Write_MoreRunsThanKept_KeepsTheNewestRunsBothFilesEach()
    {
        var sut = new EvidenceStore(new StateStore(Options.Create(new CostSyncOptions { StateDirectory = _state.Path })));
        var runIds = Enumerable.Range(0, EvidenceStore.Kept + 2).Select(i => $"20261124T{i:D2}0000Z-ab{i:D2}").ToList();

        foreach (var runId in runIds)
        {
            await sut.WriteAsync(runId, [1], [2], TestContext.Current.CancellationToken);
        }

        var kept = Directory.GetFiles(sut.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(runIds.Skip(2).SelectMany(r => new[] { r + ".json", r + ".md" }).Order(StringComparer.Ordinal), kept);
    }
}
