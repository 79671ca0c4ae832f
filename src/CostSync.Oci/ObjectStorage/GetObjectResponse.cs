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

    /// <summary>The byte range this response carries, from its <c>Content-Range</c> header; <see langword="null"/> when it has none (a whole-object answer).</summary>
    public ByteRange? ContentRange { get; init; }

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
