using CostSync.Sync;

namespace CostSync.Terminal;

/// <summary>Where one run's progress goes (periodic log lines, or a live terminal line); disposed when the run ends.</summary>
internal interface IRunProgress : IProgress<SyncProgress>, IDisposable;
