namespace CostSync.OciEmulator.Secrets;

/// <summary>One version of a secret. <see cref="Content"/> is the plain value; it is served base64-encoded.</summary>
internal sealed record SecretVersion(string SecretId, string VaultId, string? Name, int VersionNumber, string Content, DateTimeOffset TimeCreated)
{
    /// <summary>Rotation stages of this version when served (CURRENT/LATEST for the newest, PREVIOUS for the one before).</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>The <c>content</c> served as it is, instead of base64 of <see cref="Content"/>: what Vault holds when a value was stored with <c>update-base64</c> without encoding it.</summary>
    public string? ServedContent { get; init; }
}
