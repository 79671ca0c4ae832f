using System.Diagnostics;
using CostSync.Tests.Support;

namespace CostSync.Tests.BadInput;

/// <summary>
/// The real executable run by a user who is not root: as <c>nobody</c> when the tests run as root (root reads any file, so a
/// file the service user cannot read is invisible to it), else as the current user. Output and exit code collected.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class OtherUserProcess
{
    public const string User = "nobody";

    // The build output may sit where the other user cannot reach it (a clone in a 0700 folder): it runs a readable copy.
    private static readonly Lazy<string> Assembly = new(ReadableCopyOfTheBuildOutput);

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A folder the other user can write to (state, logs, archive).</summary>
    public static string WritableFolder(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0x1FF); // 0777: nobody owns nothing here
        return path;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, string home, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo(IsRoot ? "setpriv" : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = home };
        if (IsRoot)
        {
            foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(IsRoot ? Assembly.Value : CostSyncBuildOutput.Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var config = Path.Combine(home, "appsettings.json");
        await File.WriteAllTextAsync(config, "{}", cancellationToken);
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(config);
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                info.ArgumentList.Add($"--{key}={value}");
            }
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("CostSync__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["HOME"] = home;
        info.Environment["DOTNET_CLI_HOME"] = home;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ReadableCopyOfTheBuildOutput()
    {
        const UnixFileMode Folder = (UnixFileMode)0x1ED; // 0755
        const UnixFileMode File644 = (UnixFileMode)0x1A4; // 0644
        var source = Path.GetDirectoryName(CostSyncBuildOutput.Assembly)!;
        var target = Path.Combine(Path.GetTempPath(), "costsync-other-user-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, Folder);
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, folder));
            Directory.CreateDirectory(copy);
            File.SetUnixFileMode(copy, Folder);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File644);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(target, recursive: true);
        return Path.Combine(target, Path.GetFileName(CostSyncBuildOutput.Assembly));
    }
}
