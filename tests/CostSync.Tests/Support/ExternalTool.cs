using System.Diagnostics;

namespace CostSync.Tests.Support;

/// <summary>
/// Runs a command-line tool (node, shellcheck, cloud-init, systemd-analyze, bash) as a process. A tool that is not installed
/// fails the test with the command that installs it (as <c>.ci/run</c> does), never a silent pass.
/// </summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="program"/> on PATH, or an exception naming <paramref name="install"/>.</summary>
    public static string Require(string program, string install) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"These tests need `{program}`, which is not installed. Install it with: {install} (or run ./test.sh, which installs everything the tests need).");

    public static async Task<ToolResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Find(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What one tool run printed.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";
}
