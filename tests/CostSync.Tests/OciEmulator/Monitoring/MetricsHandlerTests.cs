using System.Net;
using System.Text.Json;
using CostSync.OciEmulator.Monitoring;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Monitoring;

public sealed class MetricsHandlerTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private const string Path = "20180401/metrics";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_ValidMetric_RecordsItWithDimensionsAndDatapoints()
    {
        string name = Unique("objects_copied");

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, Path, Ct, Body(Metric(name, fixture.Time.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, answer.RootElement.GetProperty("failedMetricsCount").GetInt32());
        PostedMetric metric = Assert.Single(fixture.Server.Monitoring.Metrics, m => m.Name == name);
        Assert.Equal(("costsync", "ocid1.compartment.oc1..c", "vm-1"), (metric.Namespace, metric.CompartmentId, metric.ResourceGroup));
        Assert.Equal("vm-1", metric.Dimensions["host"]);
        PostedDatapoint point = Assert.Single(metric.Datapoints);
        Assert.Equal((fixture.Time.GetUtcNow(), 42d, 1), (point.Timestamp, point.Value, point.Count));
    }

    [Fact]
    public async Task Post_BodyChangedAfterSigning_Returns401AndRecordsNothing()
    {
        string name = Unique("tampered");
        using HttpRequestMessage request = fixture.Client.Signed(HttpMethod.Post, Path, Body(Metric(name, fixture.Time.GetUtcNow())));
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Body(Metric(name, fixture.Time.GetUtcNow(), value: 43))));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(fixture.Server.Monitoring.Metrics, m => m.Name == name);
    }

    [Theory]
    // OCI's rules: namespace prefix and characters, metric name characters, at least one dimension, recent timestamps
    [InlineData("oci_costsync", "ok_name", true, 0)]
    [InlineData("costsync", "1starts_with_digit", true, 0)]
    [InlineData("costsync", "ok_name", false, 0)]
    [InlineData("costsync", "ok_name", true, -3)]
    public async Task Post_NonAtomicWithOneInvalidObject_StoresTheValidOneAndReportsTheOther(string ns, string name, bool withDimensions, int hoursOffset)
    {
        string good = Unique("good");
        string bad = Metric(name, fixture.Time.GetUtcNow().AddHours(hoursOffset), ns: ns, withDimensions: withDimensions);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, Path, Ct, Body(Metric(good, fixture.Time.GetUtcNow()), bad));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, answer.RootElement.GetProperty("failedMetricsCount").GetInt32());
        Assert.Equal(name, answer.RootElement.GetProperty("failedMetrics")[0].GetProperty("metricData").GetProperty("name").GetString());
        Assert.Contains(fixture.Server.Monitoring.Metrics, m => m.Name == good);
    }

    [Fact]
    public async Task Post_AtomicWithOneInvalidObject_Returns400AndStoresNothing()
    {
        string good = Unique("atomic");

        using HttpResponseMessage response = await fixture.Client.SendAsync(
            HttpMethod.Post, Path, Ct, Body([Metric(good, fixture.Time.GetUtcNow()), Metric("bad name", fixture.Time.GetUtcNow())], "ATOMIC"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(fixture.Server.Monitoring.Metrics, m => m.Name == good);
    }

    [Fact]
    public async Task Post_WithoutMetricData_Returns400InvalidParameter()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, Path, Ct, "{\"metricData\":[]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidParameter", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static string Body(params string[] metrics) => Body(metrics, null);

    private static string Body(string[] metrics, string? atomicity) =>
        $"{{\"metricData\":[{string.Join(',', metrics)}]{(atomicity is null ? "" : $",\"batchAtomicity\":\"{atomicity}\"")}}}";

    private static string Metric(string name, DateTimeOffset at, double value = 42, string ns = "costsync", bool withDimensions = true) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["namespace"] = ns,
            ["compartmentId"] = "ocid1.compartment.oc1..c",
            ["resourceGroup"] = "vm-1",
            ["name"] = name,
            ["dimensions"] = withDimensions ? new Dictionary<string, string> { ["host"] = "vm-1" } : new Dictionary<string, string>(),
            ["datapoints"] = new[] { new Dictionary<string, object> { ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), ["value"] = value } },
        });
}
