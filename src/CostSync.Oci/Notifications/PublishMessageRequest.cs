namespace CostSync.Oci.Notifications;

/// <summary>Parameters of PublishMessage. A body over 64 KB is truncated with a marker.</summary>
public sealed record PublishMessageRequest(string TopicId, string? Title, string Body);
