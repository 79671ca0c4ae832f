using CostSync.Oci;
using CostSync.Oci.Notifications;

namespace CostSync.Tests.Host.Support;

/// <summary>Records published messages; can be told to fail.</summary>
internal sealed class CollectingNotificationClient : INotificationClient
{
    private readonly List<PublishMessageRequest> _messages = [];

    public bool Fail { get; set; }

    public IReadOnlyList<PublishMessageRequest> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task<PublishMessageResponse> PublishMessageAsync(PublishMessageRequest request, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new OciServiceException(System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "The service is unavailable.", "req-2");
        }

        lock (_messages)
        {
            _messages.Add(request);
        }

        return Task.FromResult(new PublishMessageResponse(Guid.NewGuid().ToString(), "req-3"));
    }
}
