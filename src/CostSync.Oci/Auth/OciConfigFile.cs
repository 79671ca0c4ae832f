using System.Globalization;

namespace CostSync.Oci.Auth;

/// <summary>An OCI CLI/SDK config file: INI sections (profiles) of <c>key = value</c> lines.</summary>
internal sealed class OciConfigFile
{
    /// <summary>The profile every other profile falls back to.</summary>
    public const string DefaultProfile = "DEFAULT";

    private readonly Dictionary<string, Dictionary<string, string>> _profiles;

    private OciConfigFile(string path, Dictionary<string, Dictionary<string, string>> profiles)
    {
        Path = path;
        _profiles = profiles;
    }

    /// <summary>The file the values came from (for messages).</summary>
    public string Path { get; }

    /// <summary>The profile names, in file order.</summary>
    public IReadOnlyCollection<string> ProfileNames => _profiles.Keys;

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="OciConfigurationException">The file is missing, unreadable or malformed.</exception>
    public static OciConfigFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OciConfigurationException(
                $"The OCI config file {path} does not exist. Create it (e.g. 'oci setup config'), or point CostSync:Oci:ConfigFile or OCI_CONFIG_FILE at it, or use CostSync:Oci:Auth = InstancePrincipal on an OCI VM.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The OCI config file {path} cannot be read: {e.Message.TrimEnd('.')}. {CredentialFiles.Fix(path)}", e);
        }

        return Parse(path, text);
    }

    /// <summary>Parses config file text: <c>[PROFILE]</c> headers, <c>#</c>/<c>;</c> comment lines, <c>key = value</c> split at the first <c>=</c>.</summary>
    /// <exception cref="OciConfigurationException">A line is neither of those.</exception>
    public static OciConfigFile Parse(string path, string text)
    {
        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                string name = line[1..^1].Trim();
                if (!profiles.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    profiles.Add(name, current);
                }

                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            string where = string.Create(CultureInfo.InvariantCulture, $"{path} line {i + 1}");
            if (equals <= 0)
            {
                throw new OciConfigurationException($"{where} is not 'key = value', a [PROFILE] header or a comment: fix or remove it.");
            }

            if (current is null)
            {
                throw new OciConfigurationException($"{where} sets '{line[..equals].Trim()}' before any [PROFILE] header: put it under [DEFAULT] or another profile.");
            }

            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return new OciConfigFile(path, profiles);
    }

    /// <summary>The profile <paramref name="name"/> (default <c>DEFAULT</c>), whose missing keys fall back to <c>[DEFAULT]</c>.</summary>
    /// <exception cref="OciConfigurationException">The file has no such profile.</exception>
    public OciConfigProfile GetProfile(string? name)
    {
        string profile = string.IsNullOrWhiteSpace(name) ? DefaultProfile : name.Trim();
        if (!_profiles.TryGetValue(profile, out Dictionary<string, string>? values))
        {
            string known = _profiles.Count == 0 ? "none" : string.Join(", ", _profiles.Keys);
            throw new OciConfigurationException(
                $"The OCI config file {Path} has no profile [{profile}] (profiles found: {known}). Set CostSync:Oci:Profile to one of them or add the profile.");
        }

        _profiles.TryGetValue(DefaultProfile, out Dictionary<string, string>? fallback);
        return new OciConfigProfile(Path, profile, values, profile == DefaultProfile ? null : fallback);
    }
}
