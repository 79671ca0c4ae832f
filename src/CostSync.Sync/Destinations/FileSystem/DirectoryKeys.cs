namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>Maps object keys to relative file paths, refusing keys that would escape the root or cannot be files.</summary>
internal static class DirectoryKeys
{
    public static string ToRelativePath(string key)
    {
        var segments = key.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new DestinationRejectedException($"The key '{key}' cannot be stored in a folder: it has an empty, '.' or '..' path segment. Exclude it with CostSync:Source:Exclude or use an S3 destination.");
            }
        }

        return Path.Combine(segments);
    }
}
