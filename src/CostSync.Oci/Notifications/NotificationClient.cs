using System.Net.Http.Headers;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;

namespace CostSync.Oci.Notifications;

/// <summary>ONS PublishMessage over HTTP, on its own pipeline that retries only when the message surely was not delivered.</summary>
internal sealed class NotificationClient(HttpClient http, OciEndpointResolver endpoints, IOciAuthProvider auth, TimeProvider time) : INotificationClient
{
    public async Task<PublishMessageResponse> PublishMessageAsync(PublishMessageRequest request, CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await endpoints.ResolveAsync(OciService.Notifications, request.TopicId, cancellationToken);
        var call = new OciCall("PublishMessage", auth.Description) { Endpoint = endpoint };
        using var message = new HttpRequestMessage(HttpMethod.Post, OciHttp.BuildUri(endpoint.BaseUrl, $"/topics/{OciHttp.Segment(request.TopicId)}/messages"));
        message.Content = new ByteArrayContent(MessageFitter.Fit(request.Title, request.Body))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, call, cancellationToken);
        string? requestId = OciErrors.HeaderValue(response, "opc-request-id");
        if (!response.IsSuccessStatusCode)
        {
            throw await OciErrors.FromResponseAsync(response, call, time, cancellationToken);
        }

        try
        {
            PublishResultDto? result = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), OciJsonContext.Default.PublishResultDto);
            return new PublishMessageResponse(result?.MessageId ?? "", requestId);
        }
        catch (JsonException e)
        {
            throw new OciServiceException(response.StatusCode, null, "PublishMessage was accepted but answered with malformed JSON.", requestId, e);
        }
    }
}
