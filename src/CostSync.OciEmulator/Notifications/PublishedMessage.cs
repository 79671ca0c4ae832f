namespace CostSync.OciEmulator.Notifications;

/// <summary>A message published to an ONS topic.</summary>
internal sealed record PublishedMessage(string TopicId, string? Title, string Body, string MessageId);
