using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>An S3 bucket (AWS or S3-compatible) through AWSSDK.S3's low-level API.</summary>
internal sealed class S3Destination : IDestination
{
    private static readonly ByteRange WholeObject = new("bytes=0-");
    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _versioningLock = new();
    private Task<bool>? _versioning;

    public S3Destination(IAmazonS3 client, string bucket, DestinationOptions options, bool ownsClient, TimeProvider? timeProvider = null)
    {
        _client = client;
        Bucket = bucket;
        Options = options;
        _ownsClient = ownsClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Bucket { get; }

    public DestinationOptions Options { get; }

    public string Description => $"s3://{Bucket}";

    /// <summary>True when writes carry S3 CRC-32C checksums (<c>Destination:Checksum</c> = <c>Crc32c</c>).</summary>
    public bool SendsCrc32c => S3Checksums.Mode(Options) == DestinationChecksum.Crc32c;

    /// <summary>
    /// True over https with plain bodies: the body is sent with <c>UNSIGNED-PAYLOAD</c>, so the SDK does not SHA-256 every byte
    /// before sending it. Content-MD5 (and the CRC-32C where enabled) still has S3 check every byte, and TLS protects the rest.
    /// Over http the SDK refuses it, so the payload stays signed.
    /// </summary>
    public bool SkipsPayloadSigning => Options.S3Compatible && (Options.ServiceUrl is null || Options.ServiceUrl.Scheme == Uri.UriSchemeHttps);

    internal IAmazonS3 Client => _client;

    /// <summary>The time a write starts, from which Object Lock's retain-until date is counted.</summary>
    internal DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <summary>Objects larger than this are copied part by part (S3 copies at most 5 GB in one CopyObject). <value>Default: 5 GB.</value></summary>
    internal long MaxSingleCopyBytes { get; init; } = 5_000_000_000;

    /// <summary>The part size of a multipart copy; 10,000 parts of it cover S3's largest object. <value>Default: 512 MiB.</value></summary>
    internal long CopyPartBytes { get; init; } = 512L * 1024 * 1024;

    public async IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        do
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in response.S3Objects ?? [])
            {
                yield return new DestinationObject(o.Key, o.Size ?? 0, Unquote(o.ETag), o.LastModified);
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var r = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken);
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in r.Metadata.Keys)
            {
                metadata[StripMetaPrefix(name)] = r.Metadata[name];
            }

            return new DestinationObjectDetails(key, r.ContentLength, Unquote(r.ETag), r.VersionId, r.LastModified, metadata);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // An open range ("bytes=0-") reads the whole object; the AWS SDK checks a GET body against its ETag only when no range
            // is asked for, and would fail every read on a store whose ETags are not MD5s without SSE headers saying so. Readers
            // check what they read themselves (ledger lines are parsed one by one; reports are hashed by whoever reads them).
            var r = await _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key, ByteRange = WholeObject }, cancellationToken);
            return new OwnedStream(r.ResponseStream, r);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Only an empty object cannot satisfy "bytes=0-".
            return new MemoryStream([], writable: false);
        }
    }

    public async Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken)
    {
        S3Keys.EnsureFits(key, Options);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = AsStream(content),
            MD5Digest = digests.Md5,
            UseChunkEncoding = !Options.S3Compatible,
            AutoCloseStream = true,
            DisablePayloadSigning = SkipsPayloadSigning ? true : null,
        };
        if (SendsCrc32c && digests.Crc32c is { } crc32c)
        {
            // Our own value, so S3 verifies the number OCI vouched for; a value set here also keeps the SDK from computing one.
            request.ChecksumCRC32C = crc32c;
        }

        S3WriteSettings.Apply(request, Options, kind);
        S3ObjectLock.Apply(request, Options, Now);
        foreach (var (name, value) in metadata)
        {
            request.Metadata.Add(name, value);
        }

        try
        {
            var r = await _client.PutObjectAsync(request, cancellationToken);
            return new DestinationWriteResult(Unquote(r.ETag), r.VersionId)
            {
                ETagIsMd5 = S3ETags.AreMd5(r.ServerSideEncryptionMethod?.Value, r.ServerSideEncryptionCustomerMethod?.Value),
                Crc32c = r.ChecksumCRC32C,
            };
        }
        catch (AmazonS3Exception e) when (S3Errors.Translate(e, key) is { } rejected)
        {
            throw rejected;
        }
    }

    public Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        BeginMultipartUploadAsync(key, metadata, WriteKind.Report, cancellationToken);

    public async Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken)
    {
        S3Keys.EnsureFits(key, Options);
        var request = new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key };
        S3WriteSettings.Apply(request, Options);
        if (kind != WriteKind.Probe)
        {
            S3ObjectLock.Apply(request, Options, Now);
        }

        if (SendsCrc32c)
        {
            request.ChecksumAlgorithm = ChecksumAlgorithm.CRC32C;
            request.ChecksumType = ChecksumType.FULL_OBJECT;
        }

        foreach (var (name, value) in metadata)
        {
            request.Metadata.Add(name, value);
        }

        var r = await _client.InitiateMultipartUploadAsync(request, cancellationToken);
        return new S3MultipartUpload(this, key, r.UploadId);
    }

    public async IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = prefix };
        while (true)
        {
            var r = await _client.ListMultipartUploadsAsync(request, cancellationToken);
            foreach (var u in r.MultipartUploads ?? [])
            {
                yield return new PendingUpload(u.Key, u.UploadId, u.Initiated);
            }

            if (r.IsTruncated != true)
            {
                yield break;
            }

            request.KeyMarker = r.NextKeyMarker;
            request.UploadIdMarker = r.NextUploadIdMarker;
        }
    }

    public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken) =>
        _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);

    public Task DeleteObjectAsync(string key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);

    public Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken)
    {
        Task<bool> versioning;
        lock (_versioningLock)
        {
            // Asked once per destination (one per run); every caller shares the answer, or the error.
            versioning = _versioning ??= ReadVersioningAsync();
        }

        return versioning.WaitAsync(cancellationToken);
    }

    public Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        S3Keys.EnsureFits(destinationKey, Options);
        return S3ServerSideCopy.CopyAsync(this, sourceKey, sourceETag, sourceSize, destinationKey, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Wraps an array-backed buffer without copying; the SDK needs a seekable stream to send a plain (not aws-chunked) body.</summary>
    internal static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    internal static string? Unquote(string? etag) => etag?.Trim('"');

    internal static string? Quote(string? etag) => etag is null ? null : $"\"{etag.Trim('"')}\"";

    private async Task<bool> ReadVersioningAsync()
    {
        var r = await _client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = Bucket }, CancellationToken.None);
        return r.VersioningConfig?.Status == VersionStatus.Enabled;
    }

    private static string StripMetaPrefix(string name) =>
        name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name;
}
