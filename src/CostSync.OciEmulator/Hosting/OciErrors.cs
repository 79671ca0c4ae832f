using System.Net;
using System.Text.Json;

namespace CostSync.OciEmulator.Hosting;

/// <summary>Writes OCI-shaped error responses: <c>{"code":"…","message":"…"}</c> (no body for HEAD).</summary>
internal static class OciErrors
{
    public static async Task WriteAsync(HttpContext context, HttpStatusCode status, string code, string message, CancellationToken cancellationToken)
    {
        HttpResponse response = context.Response;
        response.StatusCode = (int)status;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        response.ContentType = "application/json";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    public static Task NotAuthenticatedAsync(HttpContext context, string message, CancellationToken cancellationToken) =>
        WriteAsync(context, HttpStatusCode.Unauthorized, "NotAuthenticated", message, cancellationToken);

    public static Task NotFoundAsync(HttpContext context, string code, string message, CancellationToken cancellationToken) =>
        WriteAsync(context, HttpStatusCode.NotFound, code, message, cancellationToken);

    public static Task InvalidParameterAsync(HttpContext context, string message, CancellationToken cancellationToken) =>
        WriteAsync(context, HttpStatusCode.BadRequest, "InvalidParameter", message, cancellationToken);

    public static string CodeFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.InternalServerError => "InternalServerError",
        HttpStatusCode.BadGateway => "BadGateway",
        HttpStatusCode.GatewayTimeout => "GatewayTimeout",
        HttpStatusCode.Conflict => "IncorrectState",
        _ => status.ToString(),
    };
}
