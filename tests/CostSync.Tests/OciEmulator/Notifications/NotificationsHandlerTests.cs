using System.Net;
using System.Text.Json;
using CostSync.OciEmulator.Notifications;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator.Notifications;

public sealed class NotificationsHandlerTests(OciEmulatorFixture fixture) : IClassFixture<OciEmulatorFixture>
{
    private const string Topic = "ocid1.onstopic.oc1.iad.alerts";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_ToKnownTopic_RecordsMessageAndReturnsMessageId()
    {
        fixture.Server.Notifications.AddTopic(Topic);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, $"20181201/topics/{Topic}/messages", Ct, "{\"title\":\"CostSync failed\",\"body\":\"run 42: 3 errors\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        string messageId = result.RootElement.GetProperty("messageId").GetString()!;
        Assert.True(Guid.TryParse(messageId, out _));
        Assert.True(result.RootElement.TryGetProperty("timeStamp", out _));
        Assert.Contains(new PublishedMessage(Topic, "CostSync failed", "run 42: 3 errors", messageId), fixture.Server.Notifications.Messages);
    }

    [Fact]
    public async Task Publish_ToUnknownTopic_Returns404()
    {
        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, "20181201/topics/ocid1.onstopic.oc1.iad.nope/messages", Ct, "{\"body\":\"x\"}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NotAuthorizedOrNotFound", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RequestOver64KB_Returns400InvalidParameter()
    {
        fixture.Server.Notifications.AddTopic(Topic);
        string body = JsonSerializer.Serialize(new { body = new string('x', 65_600) });

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, $"20181201/topics/{Topic}/messages", Ct, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidParameter", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithoutBody_Returns400()
    {
        fixture.Server.Notifications.AddTopic(Topic);

        using HttpResponseMessage response = await fixture.Client.SendAsync(HttpMethod.Post, $"20181201/topics/{Topic}/messages", Ct, "{\"title\":\"t\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
