using System.Diagnostics;
using System.Text;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// The real executable as systemd or a second VM would run it: <c>dotnet CostSync.dll</c> with the harness's settings as
/// <c>--CostSync:Key=value</c> arguments, an empty <c>--config</c> file and no <c>CostSync__*</c> variables; output collected.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, int Count, TaskCompletionSource Seen)> _watchers = [];

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string?> settings, string configFile, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CostSyncBuildOutput.Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(configFile);
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

        return new CliProcess(Process.Start(info)!);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Waits for <paramref name="signal"/>; fails with the process's output when the process ends first (it would never come).</summary>
    public async Task UntilAsync(Task signal, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(signal, exited) == exited && !signal.IsCompleted)
        {
            await exited;
            throw new InvalidOperationException($"CostSync ended before the step the test waits for: {this}");
        }

        await signal;
    }

    /// <summary>Completes once <paramref name="count"/> output lines contain <paramref name="text"/> (counting lines already written).</summary>
    public Task OutputSeenAsync(string text, int count = 1)
    {
        lock (_output)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Occurrences(_output.ToString(), text) >= count)
            {
                seen.SetResult();
            }
            else
            {
                _watchers.Add((text, count, seen));
            }

            return seen.Task;
        }
    }

    /// <summary>SIGKILL: no cancellation, no final ledger write, no cleanup.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        SecretHygiene.SecretWitness.Suite.Saw($"output of a CostSync process in {TestContext.Current.Test?.TestDisplayName}", Output);

        _process.Dispose();
    }

    public override string ToString() => $"exit {(_process.HasExited ? _process.ExitCode : -1)}{Environment.NewLine}{Output}";

    private static int Occurrences(string output, string text) =>
        output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                foreach (var watcher in _watchers.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
                {
                    if (Occurrences(_output.ToString(), watcher.Text) >= watcher.Count)
                    {
                        watcher.Seen.TrySetResult();
                        _watchers.Remove(watcher);
                    }
                }
            }
        }
    }
}
