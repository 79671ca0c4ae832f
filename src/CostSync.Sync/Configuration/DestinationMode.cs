namespace CostSync.Sync.Configuration;

/// <summary>Whether the destination keeps reports the source has dropped.</summary>
public enum DestinationMode
{
    /// <summary>Never delete at the destination: the archive outlives bling's one-year retention.</summary>
    AppendOnly,

    /// <summary>Delete destination objects whose source is gone, within the configured guards.</summary>
    Mirror,
}
