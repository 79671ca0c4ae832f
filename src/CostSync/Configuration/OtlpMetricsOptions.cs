namespace CostSync.Configuration;

/// <summary>OTLP export of the <c>CostSync</c> meter; bound from <c>CostSync:Metrics:Otlp</c>.</summary>
internal sealed class OtlpMetricsOptions
{
    /// <summary>The collector, e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318</c> (HTTP). <value>Default: empty, meaning no OTLP export.</value></summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>Grpc</c> or <c>HttpProtobuf</c>. <value>Default: <c>Grpc</c>.</value></summary>
    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>How often metrics are exported (and once more when CostSync stops). <value>Default: 60 seconds.</value></summary>
    public TimeSpan ExportInterval { get; set; } = CostSyncDefaults.OtlpExportInterval;
}
