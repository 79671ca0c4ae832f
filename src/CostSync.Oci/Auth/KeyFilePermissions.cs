using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Auth;

/// <summary>Warns when a private key file is readable or writable by other users, as the OCI CLI does ("permissions … are too open").</summary>
internal static class KeyFilePermissions
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>Logs one warning when <paramref name="path"/> grants read or write to its group or to everyone; a warning, not an error, so a working setup keeps working.</summary>
    public static void WarnIfOpen(string path, string source, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading the key already failed or will fail with its own message.
            return;
        }

        if ((mode & GroupOrOthers) != 0)
        {
            Log.KeyFileTooOpen(logger, path, source, Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0'));
        }
    }
}
