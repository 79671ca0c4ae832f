namespace CostSync.Oci.Notifications;

/// <summary>OCI Notifications data plane, shaped like the OCI SDK's <c>NotificationDataPlaneClient</c>.</summary>
public interface INotificationClient
{
    /// <summary>Publishes one message to a topic. Not retried after the request may have reached the service.</summary>
    /// <exception cref="OciServiceException">The service answered with an error.</exception>
    Task<PublishMessageResponse> PublishMessageAsync(PublishMessageRequest request, CancellationToken cancellationToken);
}
