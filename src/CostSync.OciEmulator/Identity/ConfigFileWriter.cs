using System.Text;

namespace CostSync.OciEmulator.Identity;

/// <summary>Writes (or appends a profile to) an OCI config file and its PEM key file.</summary>
internal static class ConfigFileWriter
{
    public static string Write(string directory, string profile, string privateKeyPem, IReadOnlyList<KeyValuePair<string, string>> values, string? tokenFileContent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(profile);
        Directory.CreateDirectory(directory);
        string keyPath = Path.Combine(directory, $"oci_api_key_{profile}.pem");
        WritePrivate(keyPath, privateKeyPem);
        var section = new StringBuilder();
        section.Append('[').Append(profile).Append("]\n");
        foreach (KeyValuePair<string, string> pair in values)
        {
            section.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }

        section.Append("key_file=").Append(keyPath).Append('\n');
        if (tokenFileContent is not null)
        {
            string tokenPath = Path.Combine(directory, $"security_token_{profile}");
            WritePrivate(tokenPath, tokenFileContent);
            section.Append("security_token_file=").Append(tokenPath).Append('\n');
        }

        string configPath = Path.Combine(directory, "config");
        bool exists = File.Exists(configPath);
        File.AppendAllText(configPath, (exists ? "\n" : string.Empty) + section);
        return configPath;
    }

    /// <summary>Owner-only, as <c>oci setup keys</c> and <c>oci session authenticate</c> leave them (CostSync warns about a key others can read).</summary>
    private static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
