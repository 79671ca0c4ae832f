namespace CostSync.Bench.Peers;

/// <summary>Where a CostSync run writes: an S3 bucket and prefix on Swift (direct or through the counting proxy), or a folder.</summary>
internal sealed record CostSyncTarget(Uri? ServiceUrl, string? Bucket, string? Prefix, string? Directory)
{
    public static CostSyncTarget S3(Uri serviceUrl, string bucket, string prefix) => new(serviceUrl, bucket, prefix, null);

    public static CostSyncTarget Folder(string path) => new(null, null, null, path);
}
