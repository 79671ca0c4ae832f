using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace CostSync.Configuration;

/// <summary>Says which configuration source set a key (the settings file, an environment variable, the command line), for error messages.</summary>
internal static class KeyOrigin
{
    /// <summary>The last source that sets <paramref name="key"/> or a key below it, described for an operator; null when unknown.</summary>
    public static string? Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return provider switch
                {
                    JsonConfigurationProvider json => $"in {json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? string.Empty).PhysicalPath ?? json.Source.Path}",
                    EnvironmentVariablesConfigurationProvider => $"environment variable `{key.Replace(":", "__", StringComparison.Ordinal)}`",
                    CommandLineConfigurationProvider => $"command line `--{key}`",
                    MemoryConfigurationProvider => "in-memory settings",
                    _ => provider.ToString(),
                };
            }
        }

        return null;
    }
}
