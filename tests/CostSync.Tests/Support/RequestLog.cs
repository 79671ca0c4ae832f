using System.Collections.Concurrent;

namespace CostSync.Tests.Support;

/// <summary>HTTP requests a client sent: method and unescaped path and query.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<(string Method, string PathAndQuery)> _requests = new();

    public IReadOnlyList<(string Method, string PathAndQuery)> Requests => [.. _requests];

    public void Add(HttpRequestMessage request) =>
        _requests.Enqueue((request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery)));

    public void Clear() => _requests.Clear();
}
