using System.Net;
using CostSync.Oci;
using CostSync.Oci.Notifications;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Notifications;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Oci.Notifications;

public sealed class NotificationClientTests : IAsyncLifetime
{
    private const string TopicId = "ocid1.onstopic.oc1.iad.costsync";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-ons-");
    private readonly OciWireLog _wire = new();
    private OciEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        _emulator.Notifications.AddTopic(TopicId);
        _services = OciClientServices.Create(_emulator, OciAuthMode.ApiKey, _directory.FullName, wire: _wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task PublishMessage_TitleAndBody_AreDelivered()
    {
        PublishMessageResponse response = await CreateSut().PublishMessageAsync(new PublishMessageRequest(TopicId, "CostSync failed", "2 objects failed: é"), Ct);

        PublishedMessage message = Assert.Single(_emulator.Notifications.Messages);
        Assert.Equal((TopicId, "CostSync failed", "2 objects failed: é"), (message.TopicId, message.Title, message.Body));
        Assert.Equal(message.MessageId, response.MessageId);
    }

    [Fact]
    public async Task PublishMessage_BodyOver64KB_IsTruncatedWithMarker()
    {
        string body = new('x', 200_000);

        await CreateSut().PublishMessageAsync(new PublishMessageRequest(TopicId, "big", body), Ct);

        PublishedMessage message = Assert.Single(_emulator.Notifications.Messages);
        Assert.EndsWith(MessageFitter.TruncationMarker, message.Body, StringComparison.Ordinal);
        Assert.InRange(message.Body.Length, 60_000, 65_536);
    }

    [Fact]
    public async Task PublishMessage_ServerError_IsNotRepeated()
    {
        _emulator.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable, Operations.PublishMessage);

        var error = await Assert.ThrowsAsync<OciServiceException>(() => CreateSut().PublishMessageAsync(new PublishMessageRequest(TopicId, null, "b"), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_wire.Entries);
    }

    [Fact]
    public async Task PublishMessage_Throttled_IsRetried()
    {
        _emulator.Faults.FailEveryNth(2, HttpStatusCode.TooManyRequests, Operations.PublishMessage);
        await CreateSut().PublishMessageAsync(new PublishMessageRequest(TopicId, null, "first"), Ct);

        await CreateSut().PublishMessageAsync(new PublishMessageRequest(TopicId, null, "second"), Ct);

        Assert.Equal(["first", "second"], _emulator.Notifications.Messages.Select(m => m.Body));
        Assert.Equal(3, _wire.Entries.Count);
    }

    [Fact]
    public async Task PublishMessage_UnknownTopic_Throws404()
    {
        var error = await Assert.ThrowsAsync<OciServiceException>(() => CreateSut().PublishMessageAsync(new PublishMessageRequest("ocid1.onstopic.oc1.iad.none", null, "b"), Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private INotificationClient CreateSut() => _services.GetRequiredService<INotificationClient>();
}
