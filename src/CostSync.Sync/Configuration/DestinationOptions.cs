namespace CostSync.Sync.Configuration;

/// <summary>Where reports are written; bound from <c>CostSync:Destination</c>.</summary>
public sealed class DestinationOptions
{
    /// <summary>S3 or Directory. <value>Default: <see cref="DestinationKind.S3"/>.</value></summary>
    public DestinationKind Kind { get; set; } = DestinationKind.S3;

    /// <summary>The S3 bucket (Kind = S3).</summary>
    public string? Bucket { get; set; }

    /// <summary>The local folder (Kind = Directory).</summary>
    public string? Path { get; set; }

    /// <summary>Key prefix; objects land at <c>&lt;Prefix&gt;/&lt;source object name&gt;</c>. <value>Default: empty.</value></summary>
    public string? Prefix { get; set; }

    /// <summary>Insert the tenancy OCID as a folder after the prefix, so several tenancies can share a bucket. <value>Default: false.</value></summary>
    public bool IncludeTenancyFolder { get; set; }

    /// <summary>The AWS region of the bucket. <value>Default: <c>us-east-1</c>.</value></summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>An S3-compatible endpoint instead of AWS, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>). <value>Default: false.</value></summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Send plain (not aws-chunked) bodies with a precomputed SHA-256, which every S3-compatible server accepts. <value>Default: true.</value></summary>
    public bool S3Compatible { get; set; } = true;

    /// <summary>
    /// The checksums S3 verifies on every write: <c>Crc32c</c> (Content-MD5 plus CRC-32C per part and for the whole object) or
    /// <c>Md5Only</c>. <value>Default: empty, meaning <c>Crc32c</c> on AWS (no <see cref="ServiceUrl"/>) and <c>Md5Only</c> with a
    /// <see cref="ServiceUrl"/>.</value>
    /// </summary>
    public DestinationChecksum? Checksum { get; set; }

    /// <summary>AppendOnly or Mirror. <value>Default: <see cref="DestinationMode.AppendOnly"/>.</value></summary>
    public DestinationMode Mode { get; set; } = DestinationMode.AppendOnly;

    /// <summary>Mirror mode refuses to delete more than this share (0–1) of the destination's objects in one run. <value>Default: 0.1.</value></summary>
    public double MirrorMaxDeleteShare { get; set; } = 0.1;

    /// <summary>Send <c>If-None-Match: *</c> so an existing object is never overwritten (where the target supports it). <value>Default: false.</value></summary>
    public bool OverwriteProtection { get; set; }

    /// <summary>Server-side encryption: empty, <c>AES256</c> (SSE-S3) or <c>aws:kms</c> (SSE-KMS). <value>Default: empty.</value></summary>
    public string? ServerSideEncryption { get; set; }

    /// <summary>The KMS key id for SSE-KMS.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>The S3 storage class, e.g. <c>STANDARD_IA</c>. <value>Default: empty (the bucket's default).</value></summary>
    public string? StorageClass { get; set; }

    /// <summary>
    /// Retries of each S3 call by the AWS SDK (5xx, 429 and <c>SlowDown</c>, resets), with the SDK's backoff and jitter; a part
    /// whose retries are exhausted fails its object's attempt. <value>Default: 4 (5 attempts).</value>
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Incomplete multipart uploads under the prefix older than this are aborted at the start of a run. <value>Default: 1 day.</value></summary>
    public TimeSpan AbortIncompleteUploadsAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>S3 Object Lock retention for every object CostSync writes. <value>Default: none.</value></summary>
    public ObjectLockOptions ObjectLock { get; set; } = new();
}
