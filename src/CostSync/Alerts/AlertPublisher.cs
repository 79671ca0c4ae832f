using System.Net;
using CostSync.Configuration;
using CostSync.Logging;
using CostSync.Oci;
using CostSync.Oci.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Alerts;

/// <summary>Publishes alert messages to the ONS topic. Failures are logged and reported as false, never thrown.</summary>
internal sealed class AlertPublisher(INotificationClient notifications, IOptions<AlertOptions> options, ILogger<AlertPublisher> logger)
{
    private readonly string? _topicId = string.IsNullOrWhiteSpace(options.Value.TopicId) ? null : options.Value.TopicId.Trim();

    public bool IsConfigured => _topicId is not null;

    public string? TopicId => _topicId;

    /// <summary>What to do about a failed publish, by cause.</summary>
    private static string FixFor(Exception exception) => exception switch
    {
        OciServiceException { StatusCode: HttpStatusCode.NotFound } =>
            "check that `CostSync:Alerts:TopicId` is the OCID of an existing topic (OCI Console: Developer Services > Notifications > Topics) and that a policy allows `use ons-topics` in its compartment for this principal (OCI answers 404 for both); then run `costsync test-alert`",
        OciServiceException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } =>
            "check the OCI principal (see `costsync doctor`) and a policy allowing `use ons-topics` for it; then run `costsync test-alert`",
        OciServiceException { StatusCode: 0 } =>
            "check network access to OCI Notifications (and `CostSync:Oci:Endpoints:Notifications` if set); then run `costsync test-alert`",
        _ => "run `costsync test-alert` to try again once the cause above is fixed",
    };

    /// <summary>Returns true when the message reached the topic.</summary>
    public async Task<bool> PublishAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        if (_topicId is null)
        {
            Log.AlertNotConfigured(logger, message.Title);
            return false;
        }

        try
        {
            await notifications.PublishMessageAsync(new PublishMessageRequest(_topicId, message.Title, message.Body), cancellationToken);
            Log.AlertPublished(logger, _topicId, message.Title);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AlertPublishFailed(logger, message.Title, _topicId, ex.Message, FixFor(ex));
            return false;
        }
    }
}
