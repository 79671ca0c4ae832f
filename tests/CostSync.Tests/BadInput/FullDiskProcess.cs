using System.Diagnostics;
using CostSync.Tests.Support;

namespace CostSync.Tests.BadInput;

/// <summary>
/// The real executable with one folder on a tmpfs of a few KiB in a private mount namespace (root, or user namespaces), so a
/// full disk is real and nothing outside the process sees it. As <c>ProcessSmokeTests</c> does for a read-only file system.
/// </summary>
internal static class FullDiskProcess
{
    /// <summary>True when this machine can make private mounts (<c>unshare -m</c>).</summary>
    public static async Task<bool> IsAvailableAsync(string probeFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(probeFolder);
        using var probe = Process.Start(new ProcessStartInfo("unshare", ["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs -o size=4k costsync-probe \"$0\"", probeFolder]) { RedirectStandardError = true })!;
        await probe.WaitForExitAsync(cancellationToken);
        return probe.ExitCode == 0;
    }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> on <paramref name="folder"/> (filled to the last byte when <paramref name="full"/>), then runs CostSync.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string size, bool full, IReadOnlyDictionary<string, string?> settings, string configFile, CancellationToken cancellationToken, params string[] args)
    {
        Directory.CreateDirectory(folder);
        var script = $"mount -t tmpfs -o size={size} costsync-full \"$0\" && {(full ? "{ head -c 1048576 /dev/zero > \"$0/filler\" 2>/dev/null || true; } && " : string.Empty)}exec dotnet \"$@\"";
        var info = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-m", "--propagation", "private", "sh", "-c", script, folder, CostSyncBuildOutput.Assembly, .. args, "--config", configFile])
        {
            info.ArgumentList.Add(arg);
        }

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

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
