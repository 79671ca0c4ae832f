using Amazon.Runtime.Telemetry;
using AwsMeter = Amazon.Runtime.Telemetry.Metrics.Meter;
using AwsMeterProvider = Amazon.Runtime.Telemetry.Metrics.MeterProvider;

namespace CostSync.Sync.Telemetry;

/// <summary>
/// The AWS SDK's own telemetry hook (<c>ClientConfig.TelemetryProvider</c>), reduced to what CostSync needs: every HTTP
/// attempt (a <c>client.call.attempt_duration</c> record) and every finished call (a <c>client.call.duration</c> record) of
/// the S3 client, so that <see cref="SyncMetrics"/> can count the SDK's own retries. Every other SDK instrument is a no-op.
/// </summary>
internal sealed class S3TelemetryBridge : IDisposable
{
    // One meter for every S3 client and call: it holds no per-call state.
    private readonly CallMeter _meter;

    private const string AttemptDuration = "client.call.attempt_duration";
    private const string CallDuration = "client.call.duration";

    public S3TelemetryBridge(SyncMetrics metrics)
    {
        _meter = new CallMeter(metrics);
        var provider = new DefaultTelemetryProvider();
        provider.RegisterMeterProvider(new Provider(_meter));
        TelemetryProvider = provider;
    }

    /// <summary>Set on each <c>AmazonS3Config</c>.</summary>
    public TelemetryProvider TelemetryProvider { get; }

    public void Dispose() => _meter.Dispose();

    private sealed class Provider(AwsMeter meter) : AwsMeterProvider
    {
        public override AwsMeter GetMeter(string scope, Attributes? attributes = null) => meter;
    }

    private sealed class CallMeter(SyncMetrics metrics) : AwsMeter
    {
        // The SDK's default provider hands out its no-op meter.
        private readonly AwsMeter _noOp = new DefaultTelemetryProvider().MeterProvider.GetMeter("CostSync.NoOp");

        public override Amazon.Runtime.Telemetry.Metrics.UpDownCounter<T> CreateUpDownCounter<T>(string name, string? units = null, string? description = null) =>
            _noOp.CreateUpDownCounter<T>(name, units, description);

        public override Amazon.Runtime.Telemetry.Metrics.MonotonicCounter<T> CreateMonotonicCounter<T>(string name, string? units = null, string? description = null) =>
            _noOp.CreateMonotonicCounter<T>(name, units, description);

        public override Amazon.Runtime.Telemetry.Metrics.Histogram<T> CreateHistogram<T>(string name, string? units = null, string? description = null) => name switch
        {
            AttemptDuration => new Forward<T>(metrics.S3AttemptEnded),
            CallDuration => new Forward<T>(metrics.S3CallEnded),
            _ => _noOp.CreateHistogram<T>(name, units, description),
        };

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _noOp.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Forward<T>(Action recorded) : Amazon.Runtime.Telemetry.Metrics.Histogram<T>
        where T : struct
    {
        public override void Record(T value, Attributes? attributes = null) => recorded();
    }
}
