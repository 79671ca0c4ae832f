using System.Text.Json;

namespace CostSync.OciEmulator.Hosting;

/// <summary>Writes a JSON response body produced by a <see cref="Utf8JsonWriter"/> callback.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    /// <summary>OCI timestamps: RFC 3339 UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
