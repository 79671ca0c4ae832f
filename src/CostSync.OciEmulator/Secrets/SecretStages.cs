namespace CostSync.OciEmulator.Secrets;

/// <summary>Vault rotation stages: the newest version is CURRENT and LATEST, the one before it PREVIOUS; nothing is PENDING or DEPRECATED.</summary>
internal static class SecretStages
{
    /// <summary>Maps a <c>stage</c> query value (empty = CURRENT) to "versions back from the newest", or null when no version has that stage.</summary>
    /// <returns>False when <paramref name="stage"/> is not a stage name at all.</returns>
    public static bool TryOffset(string stage, out int? versionsBack)
    {
        versionsBack = stage.ToUpperInvariant() switch
        {
            "" or "CURRENT" or "LATEST" => 0,
            "PREVIOUS" => 1,
            _ => null,
        };
        return versionsBack is not null || stage.ToUpperInvariant() is "PENDING" or "DEPRECATED";
    }

    public static IReadOnlyList<string> Of(int versionNumber, int versionCount) =>
        versionNumber == versionCount ? ["CURRENT", "LATEST"]
        : versionNumber == versionCount - 1 ? ["PREVIOUS"]
        : [];
}
