using System.Collections.Concurrent;

namespace CostSync.OciEmulator.Notifications;

/// <summary>ONS topics and the messages published to them. Thread-safe.</summary>
internal sealed class EmulatorNotifications
{
    private readonly ConcurrentDictionary<string, byte> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedMessage> _messages = new();

    /// <summary>Messages in publish order.</summary>
    public IReadOnlyList<PublishedMessage> Messages => [.. _messages];

    public void AddTopic(string topicId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicId);
        _topics[topicId] = 0;
    }

    internal bool HasTopic(string topicId) => _topics.ContainsKey(topicId);

    internal void Record(PublishedMessage message) => _messages.Enqueue(message);
}
