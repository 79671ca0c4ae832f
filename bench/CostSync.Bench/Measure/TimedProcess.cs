using System.Diagnostics;
using System.Globalization;

namespace CostSync.Bench.Measure;

/// <summary>Runs a program under GNU time (<c>/usr/bin/time -v</c>): wall, user and system CPU, peak RSS of the process tree's largest member.</summary>
internal static class TimedProcess
{
    public const string GnuTime = "/usr/bin/time";

    /// <summary>What one run printed and measured.</summary>
    public sealed record Result(int ExitCode, string Output, Sample Sample);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"The benchmark measures with {GnuTime}, which is not installed. Install it with: apt-get install -y time");
        }

        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo(GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["-v", "-o", report, program, .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            // An empty value removes the variable.
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
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

        var wall = clock.Elapsed;
        var text = await File.ReadAllTextAsync(report, cancellationToken);
        File.Delete(report);
        var output = await stdout + await stderr;
        return new Result(process.ExitCode, output, Parse(text, wall));
    }

    /// <summary>Reads GNU time's <c>-v</c> report.</summary>
    public static Sample Parse(string report, TimeSpan wall)
    {
        double Seconds(string label) => double.Parse(Value(report, label) ?? "0", CultureInfo.InvariantCulture);
        var rssKb = long.Parse(Value(report, "Maximum resident set size (kbytes)") ?? "0", CultureInfo.InvariantCulture);
        return new Sample(wall, TimeSpan.FromSeconds(Seconds("User time (seconds)")), TimeSpan.FromSeconds(Seconds("System time (seconds)")), rssKb * 1024);
    }

    private static string? Value(string report, string label)
    {
        foreach (var line in report.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(label + ":", StringComparison.Ordinal))
            {
                return trimmed[(label.Length + 1)..].Trim();
            }
        }

        return null;
    }
}
