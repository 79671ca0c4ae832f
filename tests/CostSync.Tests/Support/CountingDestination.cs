using System.Collections.Concurrent;
using CostSync.Sync.Destinations;

namespace CostSync.Tests.Support;

/// <summary>Wraps a destination and records every call by operation and key, so tests can prove what a run did.</summary>
public sealed class CountingDestination(IDestination inner) : IDestination
{
    private readonly ConcurrentQueue<(string Operation, string Key)> _calls = new();

    public IDestination Inner => inner;

    public IReadOnlyList<(string Operation, string Key)> Calls => [.. _calls];

    public string Description => inner.Description;

    public void Clear() => _calls.Clear();

    public IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, CancellationToken cancellationToken) => Record("List", prefix, () => inner.ListObjectsAsync(prefix, cancellationToken));

    public Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken) => Record("Head", key, () => inner.HeadObjectAsync(key, cancellationToken));

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => Record("Get", key, () => inner.OpenReadAsync(key, cancellationToken));

    public Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken) =>
        Record("Put", key, () => inner.PutObjectAsync(key, content, digests, metadata, kind, cancellationToken));

    public Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Record("BeginMultipart", key, () => inner.BeginMultipartUploadAsync(key, metadata, cancellationToken));

    public IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, CancellationToken cancellationToken) => Record("ListUploads", prefix, () => inner.ListIncompleteUploadsAsync(prefix, cancellationToken));

    public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken) => Record("AbortUpload", upload.Key, () => inner.AbortIncompleteUploadAsync(upload, cancellationToken));

    public Task DeleteObjectAsync(string key, CancellationToken cancellationToken) => Record("Delete", key, () => inner.DeleteObjectAsync(key, cancellationToken));

    public Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken) => Record("Versioning", string.Empty, () => inner.IsVersioningEnabledAsync(cancellationToken));

    public Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken) =>
        Record("Copy", destinationKey, () => inner.CopyObjectAsync(sourceKey, sourceETag, sourceSize, destinationKey, cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private T Record<T>(string operation, string key, Func<T> call)
    {
        _calls.Enqueue((operation, key));
        return call();
    }
}
