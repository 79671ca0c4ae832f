namespace CostSync.Oci.ObjectStorage;

/// <summary>An open object body. Dispose it to release the connection.</summary>
public sealed class GetObjectResponse : IAsyncDisposable, IDisposable
{
    private readonly IDisposable? _owner;

    public GetObjectResponse(ObjectMetadata metadata, Stream content, long? totalSize, IDisposable? owner)
    {
        Metadata = metadata;
        Content = content;
        TotalSize = totalSize;
        _owner = owner;
    }

    /// <summary>The response headers.</summary>
    public ObjectMetadata Metadata { get; }

    /// <summary>The body, streamed from the network; read it once.</summary>
    public Stream Content { get; }

    /// <summary>The whole object's size (from <c>Content-Range</c> for ranged reads, else the content length).</summary>
    public long? TotalSize { get; }

    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        _owner?.Dispose();
    }
}
