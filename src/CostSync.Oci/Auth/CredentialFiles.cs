namespace CostSync.Oci.Auth;

/// <summary>The fix for a credential file CostSync cannot read: a folder where a file belongs, or permissions for another user.</summary>
internal static class CredentialFiles
{
    public static string Fix(string path) => Directory.Exists(path)
        ? $"{path} is a folder: point the setting at the file inside it."
        : $"Make it readable by the user CostSync runs as ({Environment.UserName}), and by no one else: e.g. chown {Environment.UserName} {path} && chmod 600 {path} (the folders above it need x for that user).";
}
