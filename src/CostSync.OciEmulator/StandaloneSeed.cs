using System.Text.Json;

namespace CostSync.OciEmulator;

/// <summary>Demo secret and topic for the standalone emulator, plus secrets from <c>--secrets-file FILE</c> (JSON object: secret OCID → value).</summary>
internal static class StandaloneSeed
{
    public const string SecretId = "ocid1.vaultsecret.oc1.iad.aaaaaaaacostsyncdemosecret";
    public const string SecretName = "costsync-demo";
    public const string TopicId = "ocid1.onstopic.oc1.iad.aaaaaaaacostsyncdemotopic";

    public static void Apply(OciEmulatorServer server, string[] args)
    {
        server.Secrets.Set(SecretId, "demo-secret-value", name: SecretName);
        server.Notifications.AddTopic(TopicId);
        int index = Array.IndexOf(args, "--secrets-file");
        if (index < 0 || index + 1 >= args.Length)
        {
            return;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(args[index + 1]));
        foreach (JsonProperty secret in document.RootElement.EnumerateObject())
        {
            server.Secrets.Set(secret.Name, secret.Value.GetString() ?? string.Empty);
        }
    }
}
