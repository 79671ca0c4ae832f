namespace CostSync.Sync.Destinations;

/// <summary>Where reports land: an S3 bucket or a local folder. Same layout and ledger for both.</summary>
/// <remarks>
/// Keys are <c>/</c>-separated and used exactly as given. Implementations: S3 (AWSSDK.S3 low-level multipart API)
/// and Directory (temp file under <c>.costsync/tmp</c>, atomic rename on completion). Every write is all-or-nothing:
/// an object becomes visible only when a <c>PutObjectAsync</c> or <see cref="IMultipartUpload.CompleteAsync"/> succeeds.
/// </remarks>
public interface IDestination : IAsyncDisposable
{
    /// <summary>For logs and alerts, e.g. <c>s3://bucket</c> or <c>/srv/reports</c>.</summary>
    string Description { get; }

    /// <summary>Lists every object whose key starts with <paramref name="prefix"/> (all pages).</summary>
    IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Reads one object's size, ETag, version and user metadata; <see langword="null"/> when absent.</summary>
    Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading; <see langword="null"/> when absent. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a whole object in one request; rejected (never stored) when <paramref name="digests"/> do not match the content.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes; must stay unchanged until the call returns.</param>
    /// <param name="digests">Digests of <paramref name="content"/>, checked by the destination (MD5 always, CRC-32C where enabled).</param>
    /// <param name="metadata">User metadata (S3: <c>x-amz-meta-*</c>); ASCII names and values.</param>
    /// <param name="kind">A report (all write settings) or CostSync's own ledger (always replaceable, default storage class).</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken);

    /// <summary>Writes a whole object checked by its MD5 only (CostSync's own files, probes).</summary>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes; must stay unchanged until the call returns.</param>
    /// <param name="contentMd5">Base64 MD5 of <paramref name="content"/>, checked by the destination.</param>
    /// <param name="metadata">User metadata (S3: <c>x-amz-meta-*</c>); ASCII names and values.</param>
    /// <param name="kind">A report (all write settings) or CostSync's own ledger (always replaceable, default storage class).</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, string contentMd5, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken) =>
        PutObjectAsync(key, content, new ContentDigests(contentMd5), metadata, kind, cancellationToken);

    /// <summary>Starts a multipart upload of a report; parts may then be uploaded in parallel and in any order.</summary>
    Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Starts a multipart upload of <paramref name="kind"/> (a <see cref="WriteKind.Probe"/> is never completed and carries no retention).</summary>
    /// <param name="key">The object key.</param>
    /// <param name="metadata">User metadata (S3: <c>x-amz-meta-*</c>); ASCII names and values.</param>
    /// <param name="kind">What the upload is; destinations without per-kind settings ignore it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken) =>
        BeginMultipartUploadAsync(key, metadata, cancellationToken);

    /// <summary>Lists incomplete multipart uploads (Directory: temp files) whose key starts with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Aborts one incomplete upload and frees its storage.</summary>
    Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken);

    /// <summary>Deletes an object; no error when it is already absent.</summary>
    Task DeleteObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>True when an overwritten object's previous bytes stay retrievable as an older version (S3: bucket versioning <c>Enabled</c>; Directory: never).</summary>
    /// <remarks>S3 asks GetBucketVersioning at most once per destination instance, i.e. once per run. Throws when the store will not say.</remarks>
    Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Copies an object within the store, bytes and user metadata unchanged (S3: CopyObject, or a multipart UploadPartCopy above 5 GB).</summary>
    /// <param name="sourceKey">The object to copy.</param>
    /// <param name="sourceETag">When not null, the copy happens only if the source still has this ETag (S3: <c>x-amz-copy-source-if-match</c>).</param>
    /// <param name="sourceSize">The source's size, which decides a single or a multipart copy.</param>
    /// <param name="destinationKey">Where the copy goes; it appears whole or not at all.</param>
    /// <param name="cancellationToken">Cancels the copy; nothing is stored then.</param>
    /// <exception cref="DestinationRejectedException">The source is gone or no longer has <paramref name="sourceETag"/>.</exception>
    Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken);
}
