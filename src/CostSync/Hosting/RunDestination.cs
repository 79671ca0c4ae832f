using CostSync.Sync.Destinations;

namespace CostSync.Hosting;

/// <summary>The destination a run is using: replaced when the run re-reads its keys, kept open until the run's evidence is written.</summary>
internal sealed class RunDestination : IAsyncDisposable
{
    /// <summary>The latest destination, or <see langword="null"/> when the run never built one (e.g. the keys could not be read).</summary>
    public IDestination? Current { get; private set; }

    /// <summary>Disposes the previous destination and keeps <paramref name="destination"/>.</summary>
    public async Task<IDestination> ReplaceAsync(IDestination destination)
    {
        if (Current is { } previous)
        {
            await previous.DisposeAsync();
        }

        Current = destination;
        return destination;
    }

    public async ValueTask DisposeAsync()
    {
        if (Current is { } current)
        {
            await current.DisposeAsync();
            Current = null;
        }
    }
}
