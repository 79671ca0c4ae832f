using CostSync.OciEmulator.Identity;

namespace CostSync.OciEmulator.Secrets;

/// <summary>Vault secrets served by the Secrets retrieval API. Thread-safe.</summary>
internal sealed class EmulatorSecrets(TimeProvider time, IssuedSecrets? issued = null)
{
    /// <summary>Vault used when <see cref="Set"/> is called without one.</summary>
    public const string DefaultVaultId = "ocid1.vault.oc1.iad.costsyncemulatorvault";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<SecretVersion>> _secrets = new(StringComparer.Ordinal);

    /// <summary>
    /// Test hook: called with the version just served, after each successful read of a secret (by id or by name) and
    /// before the response is written, outside the lock. Lets a test rotate a secret between two reads with no timing,
    /// e.g. <c>OnRead = v =&gt; Set(v.SecretId, "new")</c>. <value>Default <see langword="null"/> (no hook).</value>
    /// </summary>
    internal Action<SecretVersion>? OnRead { get; set; }

    /// <summary>Adds a new version (versionNumber + 1) holding <paramref name="content"/> as given.</summary>
    public SecretVersion Set(string secretId, string content, string? vaultId = null, string? name = null) => Add(secretId, content, null, vaultId, name);

    /// <summary>
    /// Adds a new version whose bundle <c>content</c> is <paramref name="served"/> verbatim (normally base64): e.g. a key an operator
    /// passed to <c>oci vault secret update-base64</c> without encoding it, which Vault then decodes to other bytes.
    /// </summary>
    public SecretVersion SetServedContent(string secretId, string served) => Add(secretId, string.Empty, served, null, null);

    private SecretVersion Add(string secretId, string content, string? served, string? vaultId, string? name)
    {
        issued?.Add(content, "Vault secret content");
        issued?.Add(served, "Vault secret content as served");
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        ArgumentNullException.ThrowIfNull(content);
        lock (_lock)
        {
            if (!_secrets.TryGetValue(secretId, out List<SecretVersion>? versions))
            {
                versions = [];
                _secrets[secretId] = versions;
            }

            SecretVersion? previous = versions.Count > 0 ? versions[^1] : null;
            var version = new SecretVersion(secretId, vaultId ?? previous?.VaultId ?? DefaultVaultId, name ?? previous?.Name, versions.Count + 1, content, time.GetUtcNow()) { ServedContent = served };
            versions.Add(version);
            return version;
        }
    }

    public bool Remove(string secretId)
    {
        lock (_lock)
        {
            return _secrets.Remove(secretId);
        }
    }

    /// <summary>The current version, or the one selected by <paramref name="versionNumber"/> or <paramref name="stage"/>.</summary>
    internal SecretVersion? Find(string secretId, int? versionNumber, string stage)
    {
        lock (_lock)
        {
            return _secrets.TryGetValue(secretId, out List<SecretVersion>? versions) ? Pick(versions, versionNumber, stage) : null;
        }
    }

    internal SecretVersion? FindByName(string vaultId, string name, int? versionNumber, string stage)
    {
        lock (_lock)
        {
            List<SecretVersion>? versions = _secrets.Values.FirstOrDefault(v => v[^1].VaultId == vaultId && v[^1].Name == name);
            return versions is null ? null : Pick(versions, versionNumber, stage);
        }
    }

    private static SecretVersion? Pick(List<SecretVersion> versions, int? versionNumber, string stage)
    {
        SecretVersion? version = versionNumber is not null
            ? versions.FirstOrDefault(v => v.VersionNumber == versionNumber)
            : SecretStages.TryOffset(stage, out int? back) && back < versions.Count ? versions[^(back.Value + 1)] : null;
        return version is null ? null : version with { Stages = SecretStages.Of(version.VersionNumber, versions.Count) };
    }
}
