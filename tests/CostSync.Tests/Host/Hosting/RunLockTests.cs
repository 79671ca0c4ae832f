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

    [Fact]
    public void TryAcquire_LockFileCannotBeOpened_IsAStateDirectoryProblemNotAHeldLock()
    {
        // Any failure to open the lock file other than "locked by another process" (here: the lock file is a link into
        // a folder that does not exist; in production a read-only file system) must not be reported as a held lock.
        File.CreateSymbolicLink(Path.Combine(_state.Path, RunLock.FileName), Path.Combine(_state.Path, "missing", "costsync.lock"));

        var ex = Assert.Throws<StateDirectoryException>(() => CreateSut().TryAcquire(out _));

        Assert.StartsWith($"The state directory `{_state.Path}` cannot be written (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("`CostSync:StateDirectory`", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // errno values as .NET reports them on Linux
    [InlineData(30, "is on a read-only file system")]
    [InlineData(13, "is not writable by this user")]
    [InlineData(28, "is on a full disk")]
    public void Describe_OsError_SaysWhatIsWrong(int errno, string text) =>
        Assert.StartsWith(text, StateDirectoryProblem.Describe(new IOException("os message", errno)), StringComparison.Ordinal);

    private RunLock CreateSut() =>
        new(new StateStore(Options.Create(new CostSyncOptions { StateDirectory = _state.Path })), new FakeTimeProvider(Results.Start));
}
