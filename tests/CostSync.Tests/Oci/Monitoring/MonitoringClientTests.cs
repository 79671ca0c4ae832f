using System.Diagnostics.Metrics;
using System.Net;
using CostSync.Oci;
using CostSync.Oci.Monitoring;
using CostSync.Oci.ObjectStorage;
using CostSync.Oci.Telemetry;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Monitoring;
using CostSync.OciEmulator.Requests;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace CostSync.Tests.Oci.Monitoring;

public sealed class MonitoringClientTests : IAsyncLifetime
{
    private const string Compartment = "ocid1.compartment.oc1..costsync";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-monitoring-");
    private readonly OciWireLog _wire = new();
    private OciEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, _directory.FullName, wire: _wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task PostMetricData_TwoMetrics_ArriveSignedWithEveryField()
    {
        var now = TimeProvider.System.GetUtcNow();
        var at = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // the wire carries milliseconds
        var dimensions = new Dictionary<string, string> { ["tenancy"] = _emulator.TenancyId, ["host"] = "vm-1" };

        PostMetricDataResponse response = await CreateSut().PostMetricDataAsync(Request(Metric("last_run_status", at, 1, dimensions), Metric("bytes_copied", at, 1.5e9, dimensions)), Ct);

        Assert.Equal(0, response.FailedMetricsCount);
        Assert.NotNull(response.OpcRequestId);
        Assert.Equal(["last_run_status", "bytes_copied"], _emulator.Monitoring.Metrics.Select(m => m.Name));
        PostedMetric status = _emulator.Monitoring.Metrics[0];
        Assert.Equal(("costsync", Compartment, "vm-1"), (status.Namespace, status.CompartmentId, status.ResourceGroup));
        Assert.Equal(dimensions, status.Dimensions);
        Assert.Equal(new PostedDatapoint(at, 1, 1), Assert.Single(status.Datapoints));
        Assert.Equal(1.5e9, _emulator.Monitoring.Metrics[1].Datapoints[0].Value);
        RequestLogEntry entry = Assert.Single(_emulator.Requests.Entries);
        Assert.Equal(("POST", "/20180401/metrics", 200, PrincipalKind.ApiKey), (entry.Method, entry.Path, entry.Status, entry.Principal));
    }

    [Fact]
    public async Task PostMetricData_OneMetricRejected_ReportsItsNameAndReason()
    {
        var at = TimeProvider.System.GetUtcNow();
        var dimensions = new Dictionary<string, string> { ["host"] = "vm-1" };

        PostMetricDataResponse response = await CreateSut().PostMetricDataAsync(Request(Metric("ok", at, 1, dimensions), Metric("not ok", at, 2, dimensions)), Ct);

        Assert.Equal(1, response.FailedMetricsCount);
        FailedMetricRecord failed = Assert.Single(response.FailedMetrics);
        Assert.Equal("not ok", failed.MetricName);
        Assert.Contains("name", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["ok"], _emulator.Monitoring.Metrics.Select(m => m.Name));
    }

    [Fact]
    public async Task PostMetricData_ServiceUnavailable_ThrowsAfterOneAttempt()
    {
        _emulator.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable, Operations.PostMetricData);
        var at = TimeProvider.System.GetUtcNow();

        var error = await Assert.ThrowsAsync<OciServiceException>(() => CreateSut().PostMetricDataAsync(Request(Metric("x", at, 1, new Dictionary<string, string> { ["host"] = "h" })), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.StartsWith("PostMetricData failed: HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Single(_wire.Entries);
    }

    [Fact]
    public async Task ReadClient_RetriedAfter503_CountsOneOciRetry()
    {
        _emulator.Faults.FailEveryNth(2, HttpStatusCode.ServiceUnavailable, Operations.GetNamespace);
        using var retries = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), CostSyncMeter.Name, CostSyncMeter.Retries);
        var storage = _services.GetRequiredService<IObjectStorageClient>();
        await storage.GetNamespaceAsync(Ct);

        await storage.GetNamespaceAsync(Ct);

        CollectedMeasurement<long> retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal(1, retry.Value);
        Assert.Equal("oci", retry.Tags["side"]);
        Assert.Equal("HTTP 503", retry.Tags["outcome"]);
    }

    private IMonitoringClient CreateSut() => _services.GetRequiredService<IMonitoringClient>();

    private static PostMetricDataRequest Request(params MetricDataDetails[] metrics) =>
        new(new PostMetricDataDetails(metrics, BatchAtomicity.NonAtomic));

    private static MetricDataDetails Metric(string name, DateTimeOffset at, double value, Dictionary<string, string> dimensions) =>
        new("costsync", Compartment, name, dimensions, [new Datapoint(at, value)]) { ResourceGroup = "vm-1" };
}
