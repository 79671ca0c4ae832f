using System.Security.Cryptography;
using System.Text;
using CostSync.Sync.Destinations;

namespace CostSync.Tests.Support;

/// <summary>
/// Wraps a real destination and lets a test fail writes or copies by key, pretend the bucket is versioned, rewrite ETags the way an
/// SSE-KMS bucket answers (consistent per object, never an MD5), and wait for a write to complete.
/// </summary>
public sealed class HookedDestination(IDestination inner) : IDestination
{
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waits = [];

    /// <summary>Makes <see cref="PutObjectAsync"/> throw (nothing stored) for keys it returns an exception for.</summary>
    public Func<string, Exception?>? FailPut { get; set; }

    /// <summary>Makes <see cref="CopyObjectAsync"/> throw (nothing copied) for destination keys it returns an exception for.</summary>
    public Func<string, Exception?>? FailCopy { get; set; }

    /// <summary>Makes <see cref="OpenReadAsync"/> throw for keys it returns an exception for (e.g. an object in an archive storage class).</summary>
    public Func<string, Exception?>? FailRead { get; set; }

    /// <summary>What <see cref="IsVersioningEnabledAsync"/> answers; the inner destination's answer when null.</summary>
    public bool? Versioned { get; set; }

    /// <summary>Every ETag is replaced by a stable non-MD5 token derived from it, as AWS does with default SSE-KMS.</summary>
    public bool KmsLikeETags { get; set; }

    public string Description => inner.Description;

    /// <summary>Completes with the key of the first successful PutObject whose key matches.</summary>
    public Task<string> WaitForPutAsync(Func<string, bool> match)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waits)
        {
            _waits.Add((match, done));
        }

        return done.Task;
    }

    public async IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var o in inner.ListObjectsAsync(prefix, cancellationToken))
        {
            yield return o with { ETag = Rewrite(o.ETag) };
        }
    }

    public async Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken) =>
        await inner.HeadObjectAsync(key, cancellationToken) is { } d ? d with { ETag = Rewrite(d.ETag) } : null;

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        FailRead?.Invoke(key) is { } failure ? Task.FromException<Stream?>(failure) : inner.OpenReadAsync(key, cancellationToken);

    public async Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken)
    {
        if (FailPut?.Invoke(key) is { } failure)
        {
            throw failure;
        }

        var result = await inner.PutObjectAsync(key, content, digests, metadata, kind, cancellationToken);
        lock (_waits)
        {
            foreach (var (match, done) in _waits.Where(w => w.Match(key)))
            {
                done.TrySetResult(key);
            }
        }

        return Rewrite(result);
    }

    public async Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        new Upload(await inner.BeginMultipartUploadAsync(key, metadata, cancellationToken), this);

    public IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, CancellationToken cancellationToken) => inner.ListIncompleteUploadsAsync(prefix, cancellationToken);

    public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken) => inner.AbortIncompleteUploadAsync(upload, cancellationToken);

    public Task DeleteObjectAsync(string key, CancellationToken cancellationToken) => inner.DeleteObjectAsync(key, cancellationToken);

    public async Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken) => Versioned ?? await inner.IsVersioningEnabledAsync(cancellationToken);

    public async Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        if (FailCopy?.Invoke(destinationKey) is { } failure)
        {
            throw failure;
        }

        // The caller passes the ETag it listed, i.e. a rewritten one: pass the store's own on.
        var innerETag = KmsLikeETags && sourceETag is not null ? (await inner.HeadObjectAsync(sourceKey, cancellationToken))?.ETag : sourceETag;
        var result = await inner.CopyObjectAsync(sourceKey, innerETag, sourceSize, destinationKey, cancellationToken);
        return Rewrite(result);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>A rewritten answer no longer shows an MD5 ETag, as an SSE-KMS bucket's does not.</summary>
    private DestinationWriteResult Rewrite(DestinationWriteResult result) =>
        KmsLikeETags ? result with { ETag = Rewrite(result.ETag), ETagIsMd5 = false } : result;

    private string? Rewrite(string? etag) =>
        !KmsLikeETags || etag is null ? etag : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("kms:" + etag)))[..32];

    private sealed class Upload(IMultipartUpload inner, HookedDestination owner) : IMultipartUpload
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _innerETags = new();

        public string Key => inner.Key;

        public string UploadId => inner.UploadId;

        public async Task<PartWriteResult> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, ContentDigests digests, CancellationToken cancellationToken)
        {
            var result = await inner.UploadPartAsync(partNumber, offset, content, digests, cancellationToken);
            _innerETags[partNumber] = result.ETag;
            return owner.KmsLikeETags ? result with { ETag = owner.Rewrite(result.ETag)!, ETagIsMd5 = false } : result;
        }

        public async Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, string? crc32c, CancellationToken cancellationToken)
        {
            var result = await inner.CompleteAsync([.. parts.Select(p => p with { ETag = _innerETags[p.PartNumber] })], crc32c, cancellationToken);
            return owner.Rewrite(result);
        }

        public Task AbortAsync(CancellationToken cancellationToken) => inner.AbortAsync(cancellationToken);
    }
}
