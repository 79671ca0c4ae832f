using System.Collections.Concurrent;

namespace CostSync.Tests.Support;

/// <summary>HTTP requests a client sent: method, unescaped path and query, headers, and the body of small API calls (XML).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<(string Method, string PathAndQuery)> Requests => [.. _requests.Select(r => (r.Method, r.PathAndQuery))];

    /// <summary>Every request with its headers (request and content headers, lower-case names).</summary>
    public IReadOnlyList<RecordedRequest> Entries => [.. _requests];

    public void Add(HttpRequestMessage request) => _requests.Enqueue(Record(request, null));

    /// <summary>Records the request; a POST body (CompleteMultipartUpload XML) is buffered and kept, object bodies are not read.</summary>
    public async Task AddAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Method == HttpMethod.Post && request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            body = await content.ReadAsStringAsync(cancellationToken);
        }

        _requests.Enqueue(Record(request, body));
    }

    public void Clear() => _requests.Clear();

    private static RecordedRequest Record(HttpRequestMessage request, string? body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(",", values);
        }

        return new RecordedRequest(request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery), headers, body);
    }
}

/// <summary>One recorded request.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body);
