using CostSync.Configuration;
using CostSync.Hosting;
using CostSync.State;
using CostSync.Tests.Host.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class RunLockTests : IDisposable
{
    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void TryAcquire_WhileHeld_ReturnsNullAndNamesTheHolder()
    {
        using var first = CreateSut().TryAcquire(out _);

        using var second = CreateSut().TryAcquire(out var holder);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal($"pid {Environment.ProcessId} on {Environment.MachineName} since 2026-11-24 06:00:00Z", holder);
    }

    [Fact]
    public void TryAcquire_AfterRelease_Succeeds()
    {
        CreateSut().TryAcquire(out _)!.Dispose();

        using var again = CreateSut().TryAcquire(out var holder);

        Assert.NotNull(again);
        Assert.Null(holder);
    }

    [Fact]
    public void TryAcquire_UnwritableStateDirectory_ExplainsTheFix()
    {
        var blocker = Path.Combine(_state.Path, "file");
        File.WriteAllText(blocker, "x");
        var sut = new RunLock(new StateStore(Options.Create(new CostSyncOptions { StateDirectory = Path.Combine(blocker, "state") })), TimeProvider.System);

        var ex = Assert.Throws<StateDirectoryException>(() => sut.TryAcquire(out _));

        Assert.Contains("CostSync:StateDirectory", ex.Message, StringComparison.Ordinal);
    }

    private RunLock CreateSut() =>
        new(new StateStore(Options.Create(new CostSyncOptions { StateDirectory = _state.Path })), new FakeTimeProvider(Results.Start));
}
