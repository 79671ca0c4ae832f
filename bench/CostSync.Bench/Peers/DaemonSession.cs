using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using CostSync.Bench.Measure;

namespace CostSync.Bench.Peers;

/// <summary>
/// The CostSync daemon as a child process, measured run by run from its log lines: wall from "Run … starting" to the run's
/// summary line, CPU from <c>/proc/PID/stat</c> across the run, peak RSS from <c>VmHWM</c> (reset before each run through
/// <c>/proc/PID/clear_refs</c>), so each figure belongs to one run of a warm process.
/// </summary>
internal sealed partial class DaemonSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<(string Line, TimeSpan At)> _lines = Channel.CreateUnbounded<(string, TimeSpan)>();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _log = [];

    private DaemonSession(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>When the next scheduled run starts, from the last "Next run at" line read (the worker logs it when a run starts, and while one runs).</summary>
    public DateTimeOffset? NextRun { get; private set; }

    public static DaemonSession Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        return new DaemonSession(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}."));
    }

    /// <summary>Waits for the next run to start and finish; its wall time, CPU and peak RSS.</summary>
    public async Task<Sample> NextRunAsync(CancellationToken cancellationToken)
    {
        var started = await WaitForAsync(StartingLine(), cancellationToken);
        ClearPeak();
        var cpuBefore = Cpu();
        var ended = await WaitForAsync(SummaryLine(), cancellationToken);
        var cpuAfter = Cpu();
        var summary = ended.Line;
        if (!summary.Contains(" Succeeded:", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"A daemon run did not succeed: {summary}{Environment.NewLine}{Tail()}");
        }

        return new Sample(ended.At - started.At, cpuAfter.User - cpuBefore.User, cpuAfter.System - cpuBefore.System, PeakRss());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as systemd stops it; the process is this session's own child.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Run \S+ starting:")]
    private static partial Regex StartingLine();

    [GeneratedRegex(@"Run \S+ [A-Za-z ]+: \d+ listed,")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"Next run at (?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)")]
    private static partial Regex NextRunLine();

    private void Received(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }

        _lines.Writer.TryWrite((line, _clock.Elapsed));
    }

    private async Task<(string Line, TimeSpan At)> WaitForAsync(Regex pattern, CancellationToken cancellationToken)
    {
        await foreach (var item in _lines.Reader.ReadAllAsync(cancellationToken))
        {
            if (NextRunLine().Match(item.Line) is { Success: true } next)
            {
                NextRun = DateTimeOffset.ParseExact(next.Groups["at"].Value, "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }

            if (pattern.IsMatch(item.Line))
            {
                return item;
            }
        }

        throw new InvalidOperationException($"The CostSync daemon ended (exit {(_process.HasExited ? _process.ExitCode : -1)}) before the expected log line:{Environment.NewLine}{Tail()}");
    }

    private string Tail()
    {
        lock (_log)
        {
            return string.Join(Environment.NewLine, _log.TakeLast(30));
        }
    }

    private (TimeSpan User, TimeSpan System) Cpu()
    {
        // Fields after the command name: state is field 3, utime 14 and stime 15 (clock ticks of 10 ms).
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (TimeSpan.FromMilliseconds(10 * long.Parse(fields[11], CultureInfo.InvariantCulture)), TimeSpan.FromMilliseconds(10 * long.Parse(fields[12], CultureInfo.InvariantCulture)));
    }

    private void ClearPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long PeakRss()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return 1024 * long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
