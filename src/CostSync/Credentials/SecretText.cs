using CostSync.Oci;

namespace CostSync.Credentials;

/// <summary>
/// Cleans a key read from Vault: surrounding whitespace and line breaks are removed (pasted keys often end in a
/// newline, which S3 rejects as an invalid header), whitespace inside is rejected. Errors never quote the value.
/// </summary>
internal static class SecretText
{
    public static SecretValue Normalize(SecretValue raw, string secretId, string what)
    {
        var trimmed = raw.Reveal().Trim();
        if (trimmed.Length == 0)
        {
            throw new CredentialsException($"The Vault secret `{secretId}` ({what}) is empty{(raw.Length > 0 ? " (only whitespace)" : string.Empty)}. Store the {what} in it: {VaultSetCommand.For(secretId)}");
        }

        if (trimmed.Any(char.IsWhiteSpace))
        {
            throw new CredentialsException($"The Vault secret `{secretId}` ({what}, {trimmed.Length} characters) contains whitespace inside the value. Store the {what} without spaces or line breaks: {VaultSetCommand.For(secretId)}");
        }

        return new SecretValue(trimmed);
    }

    /// <summary>
    /// Refuses content that is not text: Vault serves base64, so a key passed to <c>update-base64</c> without encoding it (AWS
    /// keys happen to be valid base64) comes back as other bytes, which S3 would only answer with SignatureDoesNotMatch.
    /// </summary>
    public static void EnsureText(SecretValue content, string secretId, string what)
    {
        var value = content.Reveal();
        if (value.Any(c => c == '\uFFFD' || (char.IsControl(c) && !char.IsWhiteSpace(c))))
        {
            throw new CredentialsException(
                $"The Vault secret `{secretId}` ({what}) is not text once base64-decoded: it was probably stored without base64-encoding it "
                + $"(`oci vault secret update-base64` takes base64 content). Store it again with: {VaultSetCommand.For(secretId)}");
        }
    }
}
