using System.Text;
using System.Text.Json;

namespace CostSync.OciEmulator;

/// <summary>
/// The same facts as <see cref="StartupBanner"/> as one JSON line (<c>--json</c>), for a program that starts the emulator
/// as a child process (CostSync's <c>demo</c>): baseUrl, metadataUrl, tenancyId, region, configFile, secretId, topicId.
/// </summary>
internal static class StartupJson
{
    public static string Text(OciEmulatorServer server, string configPath)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("baseUrl", server.BaseUri.ToString());
            json.WriteString("metadataUrl", server.MetadataUri.ToString());
            json.WriteString("tenancyId", server.TenancyId);
            json.WriteString("region", server.Region);
            json.WriteString("configFile", configPath);
            json.WriteString("secretId", StandaloneSeed.SecretId);
            json.WriteString("topicId", StandaloneSeed.TopicId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
