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
            throw new CredentialsException($"The Vault secret `{secretId}` ({what}) is empty. Store the {what} in it.");
        }

        if (trimmed.Any(char.IsWhiteSpace))
        {
            throw new CredentialsException($"The Vault secret `{secretId}` ({what}, {trimmed.Length} characters) contains whitespace inside the value. Store the {what} without spaces or line breaks.");
        }

        return new SecretValue(trimmed);
    }
}
