using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CostSync.Oci.Auth;

/// <summary>Builds the <see cref="IOciAuthProvider"/> that <see cref="OciOptions.Auth"/> selects.</summary>
internal static class OciAuthProviderFactory
{
    /// <summary>The named HttpClient for instance metadata and federation (unsigned by the handler; federation signs itself).</summary>
    public const string InstancePrincipalHttpClient = "CostSync.Oci.InstancePrincipal";

    /// <summary>The named HttpClient for instance metadata: never through an HTTP proxy.</summary>
    public const string MetadataHttpClient = "CostSync.Oci.InstanceMetadata";

    public static IOciAuthProvider Create(IServiceProvider services)
    {
        OciOptions options = services.GetRequiredService<IOptions<OciOptions>>().Value;
        ILoggerFactory loggers = services.GetRequiredService<ILoggerFactory>();
        TimeProvider time = services.GetRequiredService<TimeProvider>();
        return options.Auth switch
        {
            OciAuthMode.ApiKey => new ApiKeyAuthProvider(LoadProfile(options), options, loggers.CreateLogger<ApiKeyAuthProvider>()),
            OciAuthMode.SecurityToken => new SessionTokenAuthProvider(LoadProfile(options), options, loggers.CreateLogger<SessionTokenAuthProvider>()),
            OciAuthMode.InstancePrincipal => CreateInstancePrincipal(services, options, time, loggers),
            _ => throw new OciConfigurationException(
                $"CostSync:Oci:Auth = '{options.Auth}' is not supported: use InstancePrincipal (on an OCI VM), ApiKey or SecurityToken."),
        };
    }

    private static OciConfigProfile LoadProfile(OciOptions options) =>
        OciConfigFile.Load(OciConfigPaths.Resolve(options.ConfigFile, Environment.GetEnvironmentVariable, OciConfigPaths.Home))
            .GetProfile(options.Profile);

    private static InstancePrincipalAuthProvider CreateInstancePrincipal(IServiceProvider services, OciOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        IHttpClientFactory clients = services.GetRequiredService<IHttpClientFactory>();
        HttpClient http = clients.CreateClient(InstancePrincipalHttpClient);
        ResiliencePipeline<HttpResponseMessage> pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(OciRetryDecision.ShouldRetry(args.Outcome, idempotent: true)),
                MaxRetryAttempts = 3,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(options.Retry.AttemptTimeout)
            .Build();
        ILogger logger = loggers.CreateLogger<InstancePrincipalAuthProvider>();
        var metadata = new InstanceMetadataClient(clients.CreateClient(MetadataHttpClient), options.Endpoints.Metadata ?? OciEndpoints.DefaultMetadata, pipeline);
        var federation = new X509FederationClient(http, pipeline, time, services.GetRequiredService<ClockSkewMonitor>(), logger);
        return new InstancePrincipalAuthProvider(metadata, federation, options, time, logger);
    }
}
