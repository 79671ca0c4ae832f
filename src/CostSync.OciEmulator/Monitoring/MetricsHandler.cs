using System.Text.Json;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.Monitoring;

/// <summary><c>POST /20180401/metrics</c>: PostMetricData. Records the metric objects that pass validation; with <c>ATOMIC</c>, all or none.</summary>
internal sealed class MetricsHandler(EmulatorMonitoring monitoring, TimeProvider time)
{
    /// <summary>OCI's limit on metric objects per request.</summary>
    public const int MaxMetricObjects = 50;

    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            await OciErrors.InvalidParameterAsync(request.Context, "The PostMetricData body is not valid JSON.", cancellationToken);
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metricData", out JsonElement data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
            {
                await OciErrors.InvalidParameterAsync(request.Context, "metricData is required: an array of 1 to 50 metric objects.", cancellationToken);
                return;
            }

            if (data.GetArrayLength() > MaxMetricObjects)
            {
                await OciErrors.InvalidParameterAsync(request.Context, $"metricData holds {data.GetArrayLength()} objects; the limit is {MaxMetricObjects}.", cancellationToken);
                return;
            }

            bool atomic = root.TryGetProperty("batchAtomicity", out JsonElement a) && a.ValueKind == JsonValueKind.String && a.GetString() == "ATOMIC";
            DateTimeOffset now = time.GetUtcNow();
            var accepted = new List<PostedMetric>();
            var failed = new List<(JsonElement Metric, string Error)>();
            foreach (JsonElement element in data.EnumerateArray())
            {
                if (MetricDataValidator.TryRead(element, now, out string? error) is { } metric)
                {
                    accepted.Add(metric);
                }
                else
                {
                    failed.Add((element, error!));
                }
            }

            if (accepted.Count == 0 || (atomic && failed.Count > 0))
            {
                await OciErrors.InvalidParameterAsync(request.Context, $"No metric object was accepted: {failed[0].Error}.", cancellationToken);
                return;
            }

            accepted.ForEach(monitoring.Record);
            await JsonResponse.WriteAsync(request.Response, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("failedMetricsCount", failed.Count);
                w.WriteStartArray("failedMetrics");
                foreach ((JsonElement metric, string error) in failed)
                {
                    w.WriteStartObject();
                    w.WriteString("message", error);
                    w.WritePropertyName("metricData");
                    metric.WriteTo(w);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }, cancellationToken);
        }
    }
}
