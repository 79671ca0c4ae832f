namespace CostSync.Credentials;

/// <summary>The command that stores a value in a Vault secret: read without echo (so it stays out of the shell history) and base64-encoded, as Vault expects.</summary>
internal static class VaultSetCommand
{
    public static string For(string secretId) =>
        $"read -rs KEY && oci vault secret update-base64 --secret-id {secretId} --secret-content-content \"$(printf %s \"$KEY\" | base64 -w0)\"";
}
