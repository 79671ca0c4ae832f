using CostSync.Oci.Auth;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CostSync.Tests.Support;

/// <summary>Builds the engine through <c>AddSyncEngine()</c> over a <see cref="FakeObjectStorageClient"/>, with small test-friendly transfer settings.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    public const string Tenancy = "ocid1.tenancy.oc1..fake";
    private ServiceProvider? _provider;
    private int _runs;

    public FakeObjectStorageClient Source { get; } = new() { Bucket = Tenancy };

    public SourceOptions SourceOptions { get; } = new();

    public DestinationOptions DestinationOptions { get; set; } = new();

    public TransferOptions TransferOptions { get; } = new()
    {
        MemoryBudgetMiB = 64,
        MultipartThresholdMiB = 6,
        PartSizeMiB = 5,
        MaxConcurrentObjects = 4,
        MaxConcurrentParts = 3,
        MaxAttempts = 3,

        // The clock is fake: a backoff would wait for a test to advance it.
        RetryDelay = TimeSpan.Zero,
    };

    public FakeTimeProvider Time { get; init; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Ledger flush and compaction thresholds; the production defaults unless a test shrinks them.</summary>
    internal LedgerSettings LedgerSettings { get; set; } = new();

    public IObjectStorageClient? SourceOverride { get; set; }

    public ISyncEngine Engine => Provider.GetRequiredService<ISyncEngine>();

    internal PartBufferPool Pool => Provider.GetRequiredService<PartBufferPool>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    internal IServiceProvider Services => Provider;

    private ServiceProvider Provider => _provider ??= Build();

    public Task<SyncRunResult> RunAsync(IDestination destination, CancellationToken cancellationToken, IProgress<SyncProgress>? progress = null) =>
        Engine.RunAsync(new SyncRunContext($"run-{++_runs}", destination) { Progress = progress }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            SecretHygiene.HarnessReports.Logs(Logs.GetSnapshot());
        }

        return _provider?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IObjectStorageClient>(sp => SourceOverride ?? Source);
        services.AddSingleton<IOciAuthProvider>(new FakeOciAuthProvider(Tenancy));
        services.AddOptions<SourceOptions>().Configure(o =>
        {
            o.Namespace = SourceOptions.Namespace;
            o.Bucket = SourceOptions.Bucket;
            foreach (var p in SourceOptions.Include)
            {
                o.Include.Add(p);
            }

            foreach (var p in SourceOptions.Exclude)
            {
                o.Exclude.Add(p);
            }
        });
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(DestinationOptions));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(TransferOptions));
        services.AddSingleton(LedgerSettings);
        services.AddSyncEngine();
        return services.BuildServiceProvider();
    }
}
