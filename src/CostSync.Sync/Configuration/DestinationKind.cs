namespace CostSync.Sync.Configuration;

/// <summary>The kind of destination.</summary>
public enum DestinationKind
{
    /// <summary>An S3 bucket (AWS or S3-compatible).</summary>
    S3,

    /// <summary>A local folder.</summary>
    Directory,
}
