using CostSync.Configuration;
using CostSync.Logging;
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
            Log.AlertPublishFailed(logger, message.Title, _topicId, ex.Message);
            return false;
        }
    }
}
