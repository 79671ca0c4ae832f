using CostSync.Alerts;
using CostSync.Commands;
using CostSync.Configuration;
using CostSync.Credentials;
using CostSync.Doctor;
using CostSync.Evidence;
using CostSync.Hosting;
using CostSync.Logging;
using CostSync.Metrics;
using CostSync.Oci;
using CostSync.State;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CostSync;

/// <summary>The host's composition root: binds and validates every options section, wires OCI, the engine, runs and alerts.</summary>
internal static class CostSyncServiceCollectionExtensions
{
    public static IServiceCollection AddCostSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<CostSyncOptions, CostSyncOptionsValidator>(configuration, "CostSync");
        services.AddValidatedOptions<OciOptions, OciOptionsValidator>(configuration, "CostSync:Oci");
        services.AddValidatedOptions<SourceOptions, SourceOptionsValidator>(configuration, "CostSync:Source");
        services.AddValidatedOptions<DestinationOptions, DestinationOptionsValidator>(configuration, "CostSync:Destination");
        services.AddValidatedOptions<CredentialsOptions, CredentialsOptionsValidator>(configuration, "CostSync:Destination:Credentials");
        services.AddValidatedOptions<TransferOptions, TransferOptionsValidator>(configuration, "CostSync:Transfer");
        services.AddValidatedOptions<ValidationOptions, ValidationOptionsValidator>(configuration, "CostSync:Validation");
        services.AddValidatedOptions<ScheduleOptions, ScheduleOptionsValidator>(configuration, "CostSync:Schedule");
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(configuration, "CostSync:Alerts");
        services.AddValidatedOptions<LoggingOptions, LoggingOptionsValidator>(configuration, "CostSync:Logging");
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(configuration, "CostSync:Metrics");

        services.AddOciClients();
        services.AddSyncEngine();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LogFileLocation.None);
        services.TryAddSingleton(new StartupNotes(null));
        services.TryAddSingleton<StateStore>();
        services.TryAddSingleton<RunHistoryStore>();
        services.TryAddSingleton<RunLock>();
        services.TryAddSingleton<ScheduleClock>();
        services.TryAddSingleton<RunCoordinator>();
        services.TryAddSingleton<LiveLine>();
        services.TryAddSingleton<RunProgressFactory>();
        services.TryAddSingleton<IdleMemory>();
        services.TryAddSingleton<VaultCredentialsReader>();
        services.TryAddSingleton<AwsCredentialsProvider>();
        services.TryAddSingleton<AlertMessageBuilder>();
        services.TryAddSingleton<AlertPublisher>();
        services.TryAddSingleton<AlertService>();
        services.TryAddSingleton<MetricsTotalsStore>();
        services.TryAddSingleton<HostMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunMetricsExporter, TextfileExporter>());
        if (!string.IsNullOrWhiteSpace(configuration["CostSync:Metrics:OciMonitoring:CompartmentId"]))
        {
            // Only then: the exporter needs the OCI principal, which commands that never post metrics should not build.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunMetricsExporter, OciMonitoringExporter>());
        }

        services.TryAddSingleton<RunMetricsRecorder>();
        services.TryAddSingleton<EvidenceFacts>();
        services.TryAddSingleton<EvidenceStore>();
        services.TryAddSingleton<EvidenceRecorder>();
        services.AddOtlpMetrics(configuration);
        services.TryAddSingleton<SourceBucketResolver>();
        services.TryAddTransient<ListCommand>();
        services.TryAddTransient<OnceCommand>();
        services.TryAddTransient<DryRunCommand>();
        services.TryAddTransient<VerifyCommand>();
        services.TryAddTransient<TestAlertCommand>();
        services.TryAddTransient<DoctorRunner>();
        services.TryAddTransient<DoctorCommand>();
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
