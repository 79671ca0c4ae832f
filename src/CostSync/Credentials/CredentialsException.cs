namespace CostSync.Credentials;

/// <summary>The AWS keys could not be read or are malformed. The message names the secret and the fix, never the value.</summary>
internal sealed class CredentialsException : Exception
{
    public CredentialsException()
    {
    }

    public CredentialsException(string message)
        : base(message)
    {
    }

    public CredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when a secret still holds <see cref="VaultPlaceholder.Value"/>: the keys were never set, nothing is wrong with access.</summary>
    public bool KeysNotSet { get; init; }
}
