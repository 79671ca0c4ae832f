namespace CostSync.Sync.Transfer;

/// <summary>One object to copy: the source, the destination key, the run, and a callback for bytes uploaded (progress).</summary>
internal sealed record CopyRequest(SourceObject Source, string Key, string RunId, Action<long> BytesUploaded)
{
    /// <summary>Called before each further attempt of the object (for the run's retry count).</summary>
    public Action? Retrying { get; init; }
}
