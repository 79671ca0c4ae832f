namespace CostSync.Oci.Auth;

/// <summary>Where the OCI config file is, and <c>~</c> expansion for the paths inside it.</summary>
internal static class OciConfigPaths
{
    /// <summary>The environment variable the OCI SDKs and CLI honour.</summary>
    public const string ConfigFileVariable = "OCI_CONFIG_FILE";

    /// <summary>The config file path: the configured one, else <c>$OCI_CONFIG_FILE</c>, else <c>~/.oci/config</c>; <c>~</c> expanded.</summary>
    public static string Resolve(string? configured, Func<string, string?> environment, string home)
    {
        string path = !string.IsNullOrWhiteSpace(configured) ? configured
            : environment(ConfigFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : "~/.oci/config";
        return ExpandHome(path.Trim(), home);
    }

    /// <summary>Replaces a leading <c>~</c> (alone or followed by a slash) with <paramref name="home"/>.</summary>
    public static string ExpandHome(string path, string home)
    {
        if (path == "~")
        {
            return home;
        }

        return path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Combine(home, path[2..])
            : path;
    }

    /// <summary>The current user's home directory.</summary>
    public static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
