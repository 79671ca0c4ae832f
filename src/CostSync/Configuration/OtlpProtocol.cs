namespace CostSync.Configuration;

/// <summary>The OTLP transport.</summary>
internal enum OtlpProtocol
{
    /// <summary>OTLP over gRPC (port 4317 by convention).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (port 4318, path <c>/v1/metrics</c>).</summary>
    HttpProtobuf,
}
