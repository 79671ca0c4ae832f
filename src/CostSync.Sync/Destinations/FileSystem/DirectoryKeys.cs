using System.Text;

namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>
/// Maps object keys to relative file paths, refusing keys that would escape the root or cannot be files: S3 holds any key,
/// a folder does not, so each refusal says which key, why, and to exclude it or use S3. A refusal is final (not retried).
/// </summary>
internal static class DirectoryKeys
{
    /// <summary>The longest file or folder name Linux file systems take (bytes, NAME_MAX).</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest last segment: its metadata file adds <see cref="SidecarSuffix"/>.</summary>
    public const int MaxFileNameBytes = MaxNameBytes - 5;

    /// <summary>Appended to a key's last segment for its metadata file under <c>.costsync/meta/</c>.</summary>
    public const string SidecarSuffix = ".json";

    /// <exception cref="DestinationRejectedException">The key cannot be a path below the root.</exception>
    public static string ToRelativePath(string key)
    {
        if (key.EndsWith('/'))
        {
            throw Rejected(key, "it ends with `/` (a folder placeholder object), and a file name cannot be empty");
        }

        if (key.Contains('\0', StringComparison.Ordinal))
        {
            throw Rejected(key, "it contains a NUL character, which no file name can hold");
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                throw Rejected(key, "it has an empty path segment (`//` or a leading `/`)");
            }

            if (segment is "." or "..")
            {
                throw Rejected(key, $"it has a `{segment}` path segment, which in a folder would mean {(segment == "." ? "the same folder" : "the folder above")}");
            }

            var limit = i == segments.Length - 1 ? MaxFileNameBytes : MaxNameBytes;
            var bytes = Encoding.UTF8.GetByteCount(segment);
            if (bytes > limit)
            {
                throw Rejected(key, $"its segment `{Shorten(segment)}` is {bytes} bytes, and a {(i == segments.Length - 1 ? "file" : "folder")} name may have at most {limit} (UTF-8)");
            }
        }

        return Path.Combine(segments);
    }

    /// <summary>Refuses a key whose path is already a folder, or one of whose folders is already a file (S3 holds <c>a/b</c> and <c>a/b/c</c>; a folder cannot).</summary>
    /// <exception cref="DestinationRejectedException">The path is taken by the other kind of entry.</exception>
    public static void EnsureNoClash(string root, string key)
    {
        var target = Path.Combine(root, ToRelativePath(key));
        if (Directory.Exists(target))
        {
            throw Rejected(key, "that path is already a folder holding other reports (their names continue after it with `/`), and a path cannot be a file and a folder at once");
        }

        for (var folder = Path.GetDirectoryName(target); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                var taken = Path.GetRelativePath(root, folder).Replace(Path.DirectorySeparatorChar, '/');
                throw Rejected(key, $"`{taken}` is already a file (the report of that name), and a path cannot be a file and a folder at once");
            }
        }
    }

    private static DestinationRejectedException Rejected(string key, string reason) =>
        new($"The key `{key}` cannot be stored in a folder: {reason}. Exclude the report with `CostSync:Source:Exclude` (a glob of its name), or use an S3 destination, which holds any key.");

    private static string Shorten(string segment) => segment.Length <= 40 ? segment : segment[..20] + "…" + segment[^12..];
}
