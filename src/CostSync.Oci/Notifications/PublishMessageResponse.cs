namespace CostSync.Oci.Notifications;

/// <summary>The service's receipt for a published message.</summary>
public sealed record PublishMessageResponse(string MessageId, string? OpcRequestId);
