using CostSync.Oci;

namespace CostSync.Credentials;

/// <summary>
/// The value deploy/tofu stores in both AWS-key secrets when it creates them (the real keys must never pass through tofu:
/// they would land in its state in clear text). A secret that still holds it means the keys have not been set yet.
/// </summary>
internal static class VaultPlaceholder
{
    /// <summary>The placeholder, exactly as <c>deploy/tofu/vault.tf</c> writes it (a test keeps the two equal).</summary>
    public const string Value = "COSTSYNC-PLACEHOLDER-AWS-KEY-NOT-SET";

    public static bool Matches(SecretValue content) => string.Equals(content.Reveal().Trim(), Value, StringComparison.Ordinal);

    /// <summary>Says which secret still holds the placeholder and the command that sets it (the key is read without echo, so it stays out of the shell history).</summary>
    public static string Message(string secretId, string what) =>
        $"The AWS keys have not been set yet: the Vault secret `{secretId}` ({what}) still holds the placeholder that deploy/tofu created. " +
        $"Set it with: {VaultSetCommand.For(secretId)} " +
        "(`tofu output set_aws_keys` prints this command for both secrets); the next run reads the new value.";
}
