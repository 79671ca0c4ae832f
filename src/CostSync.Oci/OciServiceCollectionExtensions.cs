using System.Net;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;
using CostSync.Oci.Logging;
using CostSync.Oci.Monitoring;
using CostSync.Oci.Notifications;
using CostSync.Oci.ObjectStorage;
using CostSync.Oci.Secrets;
using CostSync.Oci.Signing;
using CostSync.Oci.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CostSync.Oci;

/// <summary>Registers the OCI clients.</summary>
public static class OciServiceCollectionExtensions
{
    /// <summary>The share of failed attempts (over at least 100 in the sampling window) that opens a read client's circuit breaker.</summary>
    internal const double CircuitBreakerFailureRatio = 0.5;

    /// <summary>
    /// Registers <see cref="IObjectStorageClient"/>, <see cref="ISecretsClient"/>, <see cref="INotificationClient"/> and
    /// <see cref="IMonitoringClient"/> as typed HttpClients (resilience outside, request signing inside), the
    /// <see cref="IOciAuthProvider"/> selected by <see cref="OciOptions.Auth"/>, <see cref="TimeProvider.System"/> unless one
    /// is registered, and metrics (retries are counted on the <see cref="CostSyncMeter.Name"/> meter).
    /// The caller binds <see cref="OciOptions"/>.
    /// </summary>
    public static IServiceCollection AddOciClients(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<RetryTally>();
        services.TryAddSingleton<OciMetrics>();
        services.AddOptions<OciOptions>();
        services.TryAddSingleton<IOciAuthProvider>(OciAuthProviderFactory.Create);
        services.TryAddSingleton<OciEndpointResolver>();
        services.TryAddSingleton<ClockSkewMonitor>();
        services.TryAddTransient<SigningHandler>();

        services.AddHttpClient(OciAuthProviderFactory.InstancePrincipalHttpClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);

        // Instance metadata is link-local: an HTTP proxy (HTTPS_PROXY/HTTP_PROXY) must never see it or its leaf key.
        services.AddHttpClient(OciAuthProviderFactory.MetadataHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreatePrimaryHandler(useProxy: false));

        AddReadClient<IObjectStorageClient, ObjectStorageClient>(services, "OCI Object Storage");
        AddReadClient<ISecretsClient, SecretsClient>(services, "OCI Vault (secrets)");

        IHttpClientBuilder notifications = services.AddHttpClient<INotificationClient, NotificationClient>()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .ConfigureHttpClient(ConfigureClient);
        notifications.AddResilienceHandler("oci-publish", (pipeline, context) =>
        {
            OciRetryOptions retry = context.ServiceProvider.GetRequiredService<IOptions<OciOptions>>().Value.Retry;
            ILogger logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<NotificationClient>();
            OciMetrics metrics = context.ServiceProvider.GetRequiredService<OciMetrics>();
            pipeline.AddTimeout(retry.TotalRequestTimeout)
                .AddRetry(ConfigureRetry(new HttpRetryStrategyOptions(), retry, idempotent: false, logger, metrics, "OCI Notifications"))
                .AddTimeout(retry.AttemptTimeout);
        });
        notifications.AddHttpMessageHandler<SigningHandler>();

        // Metrics are posted again after the next run, so a failed post is not retried: one attempt, bounded by AttemptTimeout.
        IHttpClientBuilder monitoring = services.AddHttpClient<IMonitoringClient, MonitoringClient>()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .ConfigureHttpClient(ConfigureClient);
        monitoring.AddResilienceHandler("oci-metrics", (pipeline, context) =>
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<OciOptions>>().Value.Retry.AttemptTimeout));
        monitoring.AddHttpMessageHandler<SigningHandler>();
        return services;
    }

    private static void AddReadClient<TClient, TImplementation>(IServiceCollection services, string serviceName)
        where TClient : class
        where TImplementation : class, TClient
    {
        IHttpClientBuilder builder = services.AddHttpClient<TClient, TImplementation>()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .ConfigureHttpClient(ConfigureClient);

        // Order matters: resilience first (outer), signing second (inner), so every attempt is signed afresh.
        builder.AddStandardResilienceHandler().Configure((options, provider) =>
        {
            OciRetryOptions retry = provider.GetRequiredService<IOptions<OciOptions>>().Value.Retry;
            ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<TImplementation>();
            ConfigureRetry(options.Retry, retry, idempotent: true, logger, provider.GetRequiredService<OciMetrics>(), serviceName);
            options.AttemptTimeout.Timeout = retry.AttemptTimeout;
            options.TotalRequestTimeout.Timeout = retry.TotalRequestTimeout;
            options.CircuitBreaker.SamplingDuration = retry.AttemptTimeout * 2;

            // Open only when at least half of the attempts fail: a service that throttles or drops one call in five is
            // answering, and the retries above handle it; the standard 10 % would pause a whole busy run (and fail it).
            options.CircuitBreaker.FailureRatio = CircuitBreakerFailureRatio;
            options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(OciRetryDecision.ShouldRetry(args.Outcome, idempotent: true));
        });
        builder.AddHttpMessageHandler<SigningHandler>();
    }

    private static HttpRetryStrategyOptions ConfigureRetry(HttpRetryStrategyOptions options, OciRetryOptions retry, bool idempotent, ILogger logger, OciMetrics metrics, string client)
    {
        options.ShouldHandle = args => ValueTask.FromResult(OciRetryDecision.ShouldRetry(args.Outcome, idempotent));
        options.MaxRetryAttempts = retry.MaxRetryAttempts;
        options.Delay = retry.BaseDelay;
        options.MaxDelay = retry.MaxDelay;
        options.BackoffType = DelayBackoffType.Exponential;
        options.UseJitter = true;
        options.ShouldRetryAfterHeader = true;
        options.OnRetry = args =>
        {
            // One line per attempt with its cause; the exception itself (with its stack trace) only at Debug.
            Uri? uri = args.Outcome.Result?.RequestMessage?.RequestUri ?? args.Context.GetRequestMessage()?.RequestUri;
            string host = uri is null ? "?" : uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
            string outcome = args.Outcome.Exception is { } e ? e.Message.TrimEnd('.') : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
            Log.Retrying(logger, client, host, outcome, args.AttemptNumber + 1, args.RetryDelay);
            if (args.Outcome.Exception is { } exception)
            {
                Log.AttemptFailureDetail(logger, client, args.AttemptNumber + 1, exception);
            }

            // The metric's label stays low-cardinality: the exception type or the status code, never a message.
            metrics.Retried(args.Outcome.Exception is { } failure ? failure.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}");
            return default;
        };
        return options;
    }

    private static void ConfigureClient(IServiceProvider provider, HttpClient client)
    {
        // The resilience pipeline owns timeouts up to the response headers; this only bounds buffering a listing page.
        OciRetryOptions retry = provider.GetRequiredService<IOptions<OciOptions>>().Value.Retry;
        client.Timeout = retry.TotalRequestTimeout + TimeSpan.FromMinutes(1);
    }

    private static SocketsHttpHandler CreatePrimaryHandler() => CreatePrimaryHandler(useProxy: true);

    private static SocketsHttpHandler CreatePrimaryHandler(bool useProxy) => new()
    {
        UseProxy = useProxy,

        // .csv.gz bytes (and their MD5) must arrive exactly as stored.
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
