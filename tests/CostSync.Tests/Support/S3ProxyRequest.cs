using System.Text.Json;

namespace CostSync.Tests.Support;

/// <summary>One request as the proxy saw it; <see cref="Status"/> is a number, or why there is none (reset, truncated, client gone).</summary>
public sealed record S3ProxyRequest(int Seq, string Method, string Path, string Query, JsonElement Status, string? Fault, string? Rule, int Inflight)
{
    public int? StatusCode => Status.ValueKind == JsonValueKind.Number ? Status.GetInt32() : null;

    /// <summary>True for an UploadPart request.</summary>
    public bool IsUploadPart => Method == "PUT" && Query.Contains("partNumber=", StringComparison.Ordinal);

    /// <summary>The request's identity for counting attempts: method, path and query (an upload id and part number included).</summary>
    public string Identity => $"{Method} {Path}?{Query}";
}
