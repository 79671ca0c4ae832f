using System.Net;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Monitoring;
using CostSync.Tests.Host.EndToEnd;
using Xunit;

namespace CostSync.Tests.Host.Metrics;

/// <summary>OCI Monitoring custom metrics through the real CLI, OCI client and signature-checking emulator (Directory destination).</summary>
public sealed class OciMonitoringExporterTests : IAsyncLifetime
{
    private const string Compartment = "ocid1.compartment.oc1..costsyncmetrics";
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);
        _cli.ToDirectory();
        _cli.Settings["CostSync:Metrics:OciMonitoring:CompartmentId"] = Compartment;
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Once_CompartmentSet_PostsRunMetricsWithTenancyAndHostDimensions()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = TimeProvider.System.GetUtcNow();

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = _cli.Emulator.Monitoring.Metrics.ToDictionary(m => m.Name);
        Assert.Superset(
            new HashSet<string> { "last_success_timestamp_seconds", "last_run_status", "objects_copied", "bytes_copied", "newest_report_age_seconds", "objects_failed", "run_duration_seconds" },
            metrics.Keys.ToHashSet());
        Assert.All(metrics.Values, m =>
        {
            Assert.Equal(("costsync", Compartment), (m.Namespace, m.CompartmentId));
            Assert.Equal(_cli.Emulator.TenancyId, m.Dimensions["tenancy"]);
            Assert.Equal(Environment.MachineName, m.Dimensions["host"]);
            Assert.False(string.IsNullOrEmpty(m.ResourceGroup));
        });
        Assert.Equal(0, Value(metrics["last_run_status"]));
        Assert.True(Value(metrics["objects_copied"]) > 0);
        Assert.True(Value(metrics["bytes_copied"]) > 0);
        Assert.InRange(Value(metrics["last_success_timestamp_seconds"]), before.ToUnixTimeSeconds() - 1, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 1);
        Assert.Single(_cli.Emulator.Requests.Entries, e => e.Operation == Operations.PostMetricData && e.Status == 200);
    }

    [Fact]
    public async Task Once_CustomNamespaceAfterFailedRun_PostsStatusTwoAndZeroLastSuccess()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Settings["CostSync:Metrics:OciMonitoring:Namespace"] = "finops_sync";
        _cli.Settings["CostSync:Source:Bucket"] = "no-such-bucket";

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 1, result.ToString());
        var metrics = _cli.Emulator.Monitoring.Metrics.ToDictionary(m => m.Name);
        Assert.All(metrics.Values, m => Assert.Equal("finops_sync", m.Namespace));
        Assert.Equal(2, Value(metrics["last_run_status"]));
        Assert.Equal(0, Value(metrics["last_success_timestamp_seconds"]));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Once_PostFails_RunStillSucceedsWithOneWarningLine(HttpStatusCode status)
    {
        var ct = TestContext.Current.CancellationToken;
        _cli.Emulator.Faults.FailEveryNth(1, status, Operations.PostMetricData);

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_cli.Emulator.Monitoring.Metrics);
        var warning = Assert.Single(_cli.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal("MetricsPostFailed", warning.Id.Name);
        Assert.Contains($"PostMetricData failed: HTTP {(int)status}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning.Message);
        Assert.Null(warning.Exception);
        Assert.Single(_cli.Emulator.Requests.Entries, e => e.Operation == Operations.PostMetricData);
    }

    private static double Value(PostedMetric metric) => Assert.Single(metric.Datapoints).Value;
}
