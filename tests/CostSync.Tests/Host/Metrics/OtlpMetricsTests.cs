using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Metrics;

/// <summary>OTLP export through the real CLI: a <c>--once</c> run, the OpenTelemetry OTLP exporter, an in-process receiver.</summary>
public sealed class OtlpMetricsTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);
        _cli.ToDirectory();
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Theory]
    [InlineData("HttpProtobuf", "/v1/metrics", "application/x-protobuf")]
    [InlineData("Grpc", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "application/grpc")]
    public async Task Once_EndpointSet_ExportsTheCostSyncMeterBeforeExit(string protocol, string path, string contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await OtlpReceiver.StartAsync(grpc: protocol == "Grpc", ct);
        _cli.Settings["CostSync:Metrics:Otlp:Endpoint"] = receiver.BaseUri.ToString();
        _cli.Settings["CostSync:Metrics:Otlp:Protocol"] = protocol;

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        var export = Assert.Single(receiver.Requests, r => r.Carries("costsync.runs"));
        Assert.Equal(path, export.Path);
        Assert.StartsWith(contentType, export.ContentType, StringComparison.Ordinal);
        Assert.True(export.Carries("CostSync"), "the meter name (instrumentation scope)");
        Assert.True(export.Carries("service.name") && export.Carries("costsync"), "the service resource");
        foreach (var instrument in new[] { "costsync.objects.copied", "costsync.bytes.copied", "costsync.run.duration", "costsync.run.last_success_timestamp", "costsync.report.newest_age", "costsync.ledger.entries", "costsync.transfer.buffer.budget" })
        {
            Assert.True(export.Carries(instrument), instrument);
        }
    }

    [Fact]
    public async Task Once_NoEndpoint_ExportsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await OtlpReceiver.StartAsync(grpc: false, ct);

        var result = await _cli.RunAsync(["--once"], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(receiver.Requests);
    }
}
