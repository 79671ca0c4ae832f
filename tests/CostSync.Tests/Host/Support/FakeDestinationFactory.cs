using Amazon.Runtime;
using CostSync.Sync.Destinations;

namespace CostSync.Tests.Host.Support;

/// <summary>Records the credentials of every destination it builds; the destinations themselves are never used by the fake engine.</summary>
internal sealed class FakeDestinationFactory : IDestinationFactory
{
    private readonly List<AWSCredentials?> _credentials = [];

    public IReadOnlyList<AWSCredentials?> Credentials
    {
        get
        {
            lock (_credentials)
            {
                return [.. _credentials];
            }
        }
    }

    public IDestination Create(AWSCredentials? credentials)
    {
        lock (_credentials)
        {
            _credentials.Add(credentials);
        }

        return new UnusedDestination();
    }

    private sealed class UnusedDestination : IDestination
    {
        public string Description => "fake://destination";

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteObjectAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
