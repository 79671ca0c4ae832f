using System.Collections.Concurrent;
using System.Net;

namespace CostSync.Tests.Support;

/// <summary>
/// Every HTTP attempt the OCI clients made (innermost handler: after signing, one entry per retry), recorded when
/// its response arrived, so counts are exact as soon as the call returns.
/// </summary>
internal sealed class OciWireLog
{
    private readonly ConcurrentQueue<OciWireEntry> _entries = new();

    public IReadOnlyList<OciWireEntry> Entries => [.. _entries];

    /// <summary>Attempts matching <paramref name="predicate"/>.</summary>
    public int Count(Func<OciWireEntry, bool> predicate) => _entries.Count(predicate);

    /// <summary>Attempts answered with <paramref name="status"/>.</summary>
    public int Count(HttpStatusCode status) => _entries.Count(e => e.Status == status);

    internal DelegatingHandler CreateHandler() => new RecordingHandler(this);

    private sealed class RecordingHandler(OciWireLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            log._entries.Enqueue(new OciWireEntry(request.Method.Method, request.RequestUri!.AbsolutePath, response.StatusCode));
            return response;
        }
    }
}
