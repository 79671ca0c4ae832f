using CostSync.Configuration;
using CostSync.Logging;
using CostSync.Oci.Auth;
using CostSync.Oci.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Metrics;

/// <summary>
/// Posts the last run's metrics to OCI Monitoring (PostMetricData); registered only when <c>Metrics:OciMonitoring:CompartmentId</c> is set:
/// namespace <c>Metrics:OciMonitoring:Namespace</c>, resource group and <c>host</c> dimension = this machine, <c>tenancy</c>
/// dimension = the principal's tenancy. A failure is logged (one line) and never fails the run.
/// </summary>
internal sealed class OciMonitoringExporter(
    IMonitoringClient client,
    IOciAuthProvider auth,
    IOptions<MetricsOptions> options,
    ILogger<OciMonitoringExporter> logger) : IRunMetricsExporter
{
    private readonly OciMonitoringOptions _options = options.Value.OciMonitoring;

    public async Task ExportAsync(RunMetrics metrics, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.CompartmentId))
        {
            return;
        }

        try
        {
            var tenancy = await auth.GetTenancyIdAsync(cancellationToken);
            var request = OciMetricData.Build(metrics, _options.CompartmentId, _options.Namespace, tenancy, Environment.MachineName);
            var response = await client.PostMetricDataAsync(request, cancellationToken);
            if (response.FailedMetricsCount > 0)
            {
                var first = response.FailedMetrics.Count > 0 ? response.FailedMetrics[0] : null;
                Log.MetricsPartlyRejected(logger, response.FailedMetricsCount, first?.MetricName ?? "?", first?.Message ?? "no reason given");
            }
            else
            {
                Log.MetricsPosted(logger, request.PostMetricDataDetails.MetricData.Count, _options.Namespace);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong (service, principal, network), metrics must never fail or stop a run.
            Log.MetricsPostFailed(logger, _options.Namespace, ex.Message);
        }
    }
}
