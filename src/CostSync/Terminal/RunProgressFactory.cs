using CostSync.Configuration;
using CostSync.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Terminal;

/// <summary>Picks a run's progress display: the live line when a command attached it to a terminal, else the periodic log line.</summary>
internal sealed class RunProgressFactory(LiveLine line, TimeProvider timeProvider, IOptions<CostSyncOptions> options, ILogger<RunCoordinator> logger)
{
    private readonly TimeSpan _interval = options.Value.ProgressInterval;

    public IRunProgress Create(string runId) =>
        line.IsAttached ? new LiveProgressReporter(line, timeProvider) : new RunProgressReporter(runId, _interval, timeProvider, logger);

    /// <summary>The progress of <c>verify</c> reading the archive back.</summary>
    public IRunProgress CreateForVerify() =>
        line.IsAttached ? new LiveProgressReporter(line, timeProvider, "Verifying") : new RunProgressReporter(null, _interval, timeProvider, logger);
}
