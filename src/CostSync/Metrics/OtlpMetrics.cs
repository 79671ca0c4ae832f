using CostSync.Configuration;
using System.Diagnostics.Metrics;
using CostSync.Oci.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CostSync.Metrics;

/// <summary>
/// OTLP export of the <see cref="CostSyncMeter.Name"/> meter through OpenTelemetry .NET, only when
/// <c>Metrics:Otlp:Endpoint</c> is set: every <c>ExportInterval</c>, and once more when CostSync stops (so a
/// <c>--once</c> run is exported before the process exits).
/// </summary>
internal static class OtlpMetrics
{
    public const string EndpointKey = "CostSync:Metrics:Otlp:Endpoint";
    public const string ServiceName = "costsync";

    public static IServiceCollection AddOtlpMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(OtlpMetrics).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics.AddMeter(CostSyncMeter.Name).AddOtlpExporter());

        // Applied when the provider is built, after start-up validation has checked the values.
        services.AddOptions<OtlpExporterOptions>().Configure<IOptions<MetricsOptions>>((exporter, options) =>
        {
            var otlp = options.Value.Otlp;
            exporter.Protocol = otlp.Protocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            exporter.Endpoint = EndpointFor(otlp);
        });
        services.AddOptions<MetricReaderOptions>().Configure<IOptions<MetricsOptions>>((reader, options) =>
            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Min(int.MaxValue, options.Value.Otlp.ExportInterval.TotalMilliseconds));
        return services;
    }

    /// <summary>Builds the meter provider if OTLP is configured, so it listens from the first run on (commands do not start hosted services).</summary>
    /// <remarks>
    /// The meter factory is resolved first: the container disposes in reverse order, so the provider's final export (at
    /// shutdown) runs while the factory's meters, and their observable gauges, still exist.
    /// </remarks>
    public static void Start(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<MetricsOptions>>().Value.Otlp.Endpoint is null)
        {
            return;
        }

        _ = services.GetRequiredService<IMeterFactory>();
        _ = services.GetRequiredService<MeterProvider>();
    }

    /// <summary>The endpoint as configured; for HTTP, <c>/v1/metrics</c> is added when the URL has no path (as the OTLP specification's variables do).</summary>
    public static Uri EndpointFor(OtlpMetricsOptions otlp)
    {
        var endpoint = otlp.Endpoint ?? throw new InvalidOperationException($"`{EndpointKey}` is not set.");
        return otlp.Protocol == OtlpProtocol.HttpProtobuf && endpoint.AbsolutePath is "/" or ""
            ? new Uri(endpoint, "v1/metrics")
            : endpoint;
    }
}
