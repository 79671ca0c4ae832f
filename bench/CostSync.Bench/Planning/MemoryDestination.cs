using System.Runtime.CompilerServices;
using CostSync.Sync.Destinations;

namespace CostSync.Bench.Planning;

/// <summary>An in-memory destination: listing, small writes (the ledger) and reads. Enough for planning at any size.</summary>
internal sealed class MemoryDestination : IDestination
{
    private readonly SortedDictionary<string, (DestinationObject Listed, byte[] Bytes)> _objects = new(StringComparer.Ordinal);

    public string Description => "memory";

    public void Add(DestinationObject listed) => _objects[listed.Key] = (listed, []);

    public async IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (key, value) in _objects)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return value.Listed;
            }
        }
    }

    public Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue(key, out var o) ? new DestinationObjectDetails(key, o.Listed.Size, o.Listed.ETag, null, o.Listed.LastModified, new Dictionary<string, string>()) : null);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_objects.TryGetValue(key, out var o) ? new MemoryStream(o.Bytes, writable: false) : null);

    public Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        _objects[key] = (new DestinationObject(key, content.Length, etag, null), content.ToArray());
        return Task.FromResult(new DestinationWriteResult(etag, null));
    }

    public Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield break;
    }

    public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteObjectAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
