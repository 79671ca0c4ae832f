namespace CostSync.Oci.Auth;

/// <summary>One profile of an OCI config file; values it lacks come from <c>[DEFAULT]</c>.</summary>
internal sealed class OciConfigProfile
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly IReadOnlyDictionary<string, string>? _fallback;

    public OciConfigProfile(string file, string name, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? fallback)
    {
        File = file;
        Name = name;
        _values = values;
        _fallback = fallback;
    }

    /// <summary>The config file path.</summary>
    public string File { get; }

    /// <summary>The profile name.</summary>
    public string Name { get; }

    /// <summary>The value of <paramref name="key"/> in this profile, else in <c>[DEFAULT]</c>; <see langword="null"/> when neither has a non-empty one.</summary>
    public string? Get(string key)
    {
        if (_values.TryGetValue(key, out string? value) && value.Length > 0)
        {
            return value;
        }

        return _fallback is not null && _fallback.TryGetValue(key, out value) && value.Length > 0 ? value : null;
    }

    /// <summary>The value of <paramref name="key"/>, or an error naming the file, the profile, the key and what it should hold.</summary>
    /// <exception cref="OciConfigurationException">Neither the profile nor <c>[DEFAULT]</c> has the key.</exception>
    public string Require(string key, string meaning) =>
        Get(key) ?? throw new OciConfigurationException(
            $"The OCI config file {File}, profile [{Name}], has no '{key}' (nor does [DEFAULT]): add '{key} = <{meaning}>' to [{Name}].");
}
