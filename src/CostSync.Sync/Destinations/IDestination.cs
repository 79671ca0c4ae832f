namespace CostSync.Sync.Destinations;

/// <summary>Where reports land: an S3 bucket or a local folder. Same layout and ledger for both.</summary>
/// <remarks>Implementations: S3 (AWSSDK.S3 low-level multipart API) and Directory (atomic rename on completion).</remarks>
public interface IDestination : IAsyncDisposable
{
    /// <summary>For logs and alerts, e.g. <c>s3://bucket/prefix</c> or <c>/srv/reports</c>.</summary>
    string Description { get; }
}
