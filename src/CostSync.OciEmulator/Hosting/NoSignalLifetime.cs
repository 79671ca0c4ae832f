namespace CostSync.OciEmulator.Hosting;

/// <summary>
/// Host lifetime that ignores process signals: an emulator runs inside tests and other hosts, so Ctrl+C/SIGTERM belong
/// to its owner (the standalone <see cref="Program"/> handles them itself) rather than silently stopping Kestrel.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
