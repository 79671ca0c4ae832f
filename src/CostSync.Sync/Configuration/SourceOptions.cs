namespace CostSync.Sync.Configuration;

/// <summary>Where reports are read from; bound from <c>CostSync:Source</c>.</summary>
public sealed class SourceOptions
{
    /// <summary>The Object Storage namespace. <value>Default: <c>bling</c>.</value></summary>
    public string Namespace { get; set; } = "bling";

    /// <summary>The bucket. <value>Default: empty, meaning the tenancy OCID.</value></summary>
    public string? Bucket { get; set; }

    /// <summary>Glob patterns of object names to copy (<c>*</c> within a path segment, <c>**</c> across). <value>Default: empty, meaning everything.</value></summary>
    public IList<string> Include { get; } = [];

    /// <summary>Glob patterns of object names never to copy, e.g. <c>reports/cost-csv/**</c>. <value>Default: empty.</value></summary>
    public IList<string> Exclude { get; } = [];
}
