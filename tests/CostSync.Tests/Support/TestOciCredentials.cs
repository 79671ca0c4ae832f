using System.Security.Cryptography;

namespace CostSync.Tests.Support;

/// <summary>Key id + private key read back from an OCI config file the emulator wrote (test-only parser).</summary>
internal sealed class TestOciCredentials : IDisposable
{
    private TestOciCredentials(string keyId, RSA key)
    {
        KeyId = keyId;
        Key = key;
    }

    public string KeyId { get; }

    public RSA Key { get; }

    public static TestOciCredentials Load(string configPath, string profile = "DEFAULT")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        foreach (string line in File.ReadAllLines(configPath))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith('['))
            {
                section = trimmed.Trim('[', ']');
            }
            else if (section == profile && trimmed.Contains('=', StringComparison.Ordinal))
            {
                int eq = trimmed.IndexOf('=', StringComparison.Ordinal);
                values[trimmed[..eq].Trim()] = trimmed[(eq + 1)..].Trim();
            }
        }

        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(values["key_file"]));
        string keyId = values.TryGetValue("security_token_file", out string? tokenFile)
            ? "ST$" + File.ReadAllText(tokenFile).Trim()
            : $"{values["tenancy"]}/{values["user"]}/{values["fingerprint"]}";
        return new TestOciCredentials(keyId, key);
    }

    public void Dispose() => Key.Dispose();
}
