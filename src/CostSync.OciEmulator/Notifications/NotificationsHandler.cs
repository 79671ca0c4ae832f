using System.Text.Json;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.Notifications;

/// <summary><c>POST /20181201/topics/{topicId}/messages</c>: PublishMessage.</summary>
internal sealed class NotificationsHandler(EmulatorNotifications notifications, TimeProvider time)
{
    /// <summary>OCI's limit on one message request.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        string topicId = Uri.UnescapeDataString(request.Value(0));
        if (!notifications.HasTopic(topicId))
        {
            await OciErrors.NotFoundAsync(request.Context, "NotAuthorizedOrNotFound", $"Authorization failed or requested resource not found: topic '{topicId}'.", cancellationToken);
            return;
        }

        if (request.Body.Length > MaxRequestBytes)
        {
            await OciErrors.InvalidParameterAsync(request.Context, $"The message request is {request.Body.Length} bytes; the limit is {MaxRequestBytes} bytes (64 KB).", cancellationToken);
            return;
        }

        string? title;
        string? body;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            JsonElement root = document.RootElement;
            title = root.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            body = root.TryGetProperty("body", out JsonElement b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        }
        catch (JsonException)
        {
            await OciErrors.InvalidParameterAsync(request.Context, "The message request body is not valid JSON.", cancellationToken);
            return;
        }

        if (body is null)
        {
            await OciErrors.WriteAsync(request.Context, System.Net.HttpStatusCode.BadRequest, "MissingParameter", "The message request must have a string 'body'.", cancellationToken);
            return;
        }

        var message = new PublishedMessage(topicId, title, body, Guid.NewGuid().ToString());
        notifications.Record(message);
        await JsonResponse.WriteAsync(request.Response, w =>
        {
            w.WriteStartObject();
            w.WriteString("messageId", message.MessageId);
            w.WriteString("timeStamp", JsonResponse.Timestamp(time.GetUtcNow()));
            w.WriteEndObject();
        }, cancellationToken);
    }
}
