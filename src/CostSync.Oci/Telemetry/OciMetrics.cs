using System.Diagnostics.Metrics;

namespace CostSync.Oci.Telemetry;

/// <summary>The OCI client's instruments: retried calls (tagged <c>side=oci</c> and the failed attempt's outcome), also counted in the <see cref="RetryTally"/>.</summary>
internal sealed class OciMetrics
{
    private readonly Counter<long> _retries;
    private readonly RetryTally _tally;

    public OciMetrics(IMeterFactory meterFactory, RetryTally tally)
    {
        _tally = tally;
        Meter meter = meterFactory.Create(CostSyncMeter.Name);
        _retries = meter.CreateCounter<long>(CostSyncMeter.Retries, "{retry}", "Calls retried after a failed attempt, by side (oci, s3).");
    }

    /// <summary>Counts one retry; <paramref name="outcome"/> is low-cardinality (e.g. <c>HTTP 503</c>, <c>HttpRequestException</c>).</summary>
    public void Retried(string outcome)
    {
        _tally.OciRetried();
        _retries.Add(1, new KeyValuePair<string, object?>("side", "oci"), new KeyValuePair<string, object?>("outcome", outcome));
    }
}
