using CostSync.Oci.Telemetry;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using CostSync.Sync.Superseded;
using CostSync.Sync.Telemetry;
using CostSync.Sync.Transfer;
using CostSync.Sync.Validation;
using CostSync.Sync.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CostSync.Sync;

/// <summary>Registers the sync engine. Consumes <c>IOptions&lt;SourceOptions|DestinationOptions|TransferOptions|ValidationOptions&gt;</c> bound by the host.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISyncEngine"/>, <see cref="IDestinationFactory"/>, the shared part-buffer pool and the engine's
    /// metrics (on the <c>CostSync</c> meter). Needs
    /// <c>IObjectStorageClient</c> and <c>IOciAuthProvider</c> (from <c>AddOciClients()</c>) and logging.
    /// </summary>
    public static IServiceCollection AddSyncEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SourceOptions>();
        services.AddOptions<DestinationOptions>();
        services.AddOptions<TransferOptions>();
        services.AddOptions<ValidationOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RetryTally>();
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<S3TelemetryBridge>();
        services.TryAddSingleton(sp => TransferSettings.From(sp.GetRequiredService<IOptions<TransferOptions>>().Value));
        services.TryAddSingleton(sp => new PartBufferPool(sp.GetRequiredService<TransferSettings>().BudgetBytes));
        services.TryAddSingleton<SourceReader>();
        services.TryAddSingleton<ReportValidation>();
        services.TryAddSingleton<CopyRetries>();
        services.TryAddSingleton<SinglePartCopier>();
        services.TryAddSingleton<MultipartCopier>();
        services.TryAddSingleton<ObjectCopier>();
        services.TryAddSingleton(new LedgerSettings());
        services.TryAddSingleton<LedgerReader>();
        services.TryAddSingleton<LedgerWriterFactory>();
        services.TryAddSingleton<LedgerCompactor>();
        services.TryAddSingleton<ForeignObjectMemo>();
        services.TryAddSingleton<ObjectAdopter>();
        services.TryAddSingleton<SupersededCopier>();
        services.TryAddSingleton<RunScopeResolver>();
        services.TryAddSingleton<SyncPlanner>();
        services.TryAddSingleton<StaleUploadSweeper>();
        services.TryAddSingleton<ISyncEngine, SyncEngine>();
        services.TryAddSingleton<IDestinationFactory, DestinationFactory>();
        services.TryAddSingleton<SourceComparison>();
        services.TryAddSingleton<ArchiveVerifier>();
        return services;
    }
}
