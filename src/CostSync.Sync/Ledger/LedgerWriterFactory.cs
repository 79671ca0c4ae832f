using CostSync.Sync.Destinations;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>Creates one run's <see cref="LedgerWriter"/> with the shared settings, clock and logger.</summary>
internal sealed class LedgerWriterFactory(LedgerSettings settings, TimeProvider timeProvider, ILogger<LedgerWriter> logger)
{
    public LedgerWriter Create(IDestination destination, KeyLayout layout, string runId) =>
        new(destination, layout, runId, settings, timeProvider, logger);
}
