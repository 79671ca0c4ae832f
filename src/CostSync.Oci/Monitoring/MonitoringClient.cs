using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;

namespace CostSync.Oci.Monitoring;

/// <summary>PostMetricData over HTTP (<c>POST /20180401/metrics</c> on the telemetry ingestion endpoint), signed with its body digest.</summary>
internal sealed class MonitoringClient(HttpClient http, OciEndpointResolver endpoints, IOciAuthProvider auth, TimeProvider time) : IMonitoringClient
{
    public async Task<PostMetricDataResponse> PostMetricDataAsync(PostMetricDataRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new OciCall("PostMetricData", auth.Description);
        string baseUrl = await endpoints.GetBaseAsync(OciService.TelemetryIngestion, null, cancellationToken);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(ToDto(request.PostMetricDataDetails), OciJsonContext.Default.PostMetricDataDetailsDto);
        using var message = new HttpRequestMessage(HttpMethod.Post, OciHttp.BuildUri(baseUrl, "/metrics"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, call, cancellationToken);
        string? requestId = OciErrors.HeaderValue(response, "opc-request-id");
        if (!response.IsSuccessStatusCode)
        {
            throw await OciErrors.FromResponseAsync(response, call, time, cancellationToken);
        }

        PostMetricDataResponseDto? result;
        try
        {
            result = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), OciJsonContext.Default.PostMetricDataResponseDto);
        }
        catch (JsonException e)
        {
            throw new OciServiceException(response.StatusCode, null, "PostMetricData was accepted but answered with malformed JSON.", requestId, e);
        }

        List<FailedMetricRecord> failed = [.. (result?.FailedMetrics ?? []).Select(f => new FailedMetricRecord(f.MetricData?.Name, f.Message ?? "no reason given"))];
        return new PostMetricDataResponse(result?.FailedMetricsCount ?? failed.Count, failed, requestId);
    }

    private static PostMetricDataDetailsDto ToDto(PostMetricDataDetails details) => new(
        [.. details.MetricData.Select(m => new MetricDataDetailsDto(
            m.Namespace,
            m.ResourceGroup,
            m.CompartmentId,
            m.Name,
            m.Dimensions,
            m.Metadata,
            [.. m.Datapoints.Select(d => new DatapointDto(Rfc3339(d.Timestamp), d.Value, d.Count))]))],
        details.BatchAtomicity switch
        {
            BatchAtomicity.Atomic => "ATOMIC",
            BatchAtomicity.NonAtomic => "NON_ATOMIC",
            _ => null,
        });

    private static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
