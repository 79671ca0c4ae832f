using CostSync.Hosting;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Metrics;

/// <summary>The Prometheus textfile, written after each run through the real coordinator (fake engine and clock).</summary>
public sealed class TextfileExporterTests : IDisposable
{
    private readonly HostHarness _harness = new();
    private readonly TempDirectory _folder = new();

    public TextfileExporterTests() => _harness.Settings["CostSync:Metrics:TextfilePath"] = FilePath;

    private string FilePath => Path.Combine(_folder.Path, "metrics", "costsync.prom");

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Export_GoodRunThenFailedRun_WritesValidTextfileKeepingLastSuccess()
    {
        var ct = TestContext.Current.CancellationToken;
        var newest = _harness.Time.GetUtcNow().AddHours(-5);
        var firstRunAt = _harness.Time.GetUtcNow();
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.Succeeded(newest, copied: 3) with { RunId = c.RunId, Duration = TimeSpan.FromSeconds(90.5) });
        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);
        var good = PrometheusText.Parse(await File.ReadAllTextAsync(FilePath, ct));
        _harness.Time.Advance(TimeSpan.FromHours(6));
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.Failed() with { RunId = c.RunId });

        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        var failed = PrometheusText.Parse(await File.ReadAllTextAsync(FilePath, ct));
        Assert.Equal(firstRunAt.ToUnixTimeSeconds(), good["costsync_last_success_timestamp_seconds"].Value);
        Assert.Equal(firstRunAt.ToUnixTimeSeconds(), good["costsync_last_run_timestamp_seconds"].Value);
        Assert.Equal(0, good["costsync_last_run_status"].Value);
        Assert.Equal(90.5, good["costsync_run_duration_seconds"].Value);
        Assert.Equal(3, good["costsync_objects_copied_total"].Value);
        Assert.Equal(3000, good["costsync_bytes_copied_total"].Value);
        Assert.Equal(0, good["costsync_objects_failed"].Value);
        Assert.Equal(5 * 3600, good["costsync_newest_report_age_seconds"].Value);
        Assert.Equal("counter", good["costsync_objects_copied_total"].Type);
        Assert.Equal("gauge", good["costsync_last_run_status"].Type);
        Assert.Equal(firstRunAt.ToUnixTimeSeconds(), failed["costsync_last_success_timestamp_seconds"].Value);
        Assert.Equal(firstRunAt.AddHours(6).ToUnixTimeSeconds(), failed["costsync_last_run_timestamp_seconds"].Value);
        Assert.Equal(2, failed["costsync_last_run_status"].Value);
        Assert.Equal(3, failed["costsync_objects_copied_total"].Value);
        Assert.Equal(11 * 3600, failed["costsync_newest_report_age_seconds"].Value);
        Assert.Equal(1, failed["costsync_runs_total"].ValueWith("status", "succeeded"));
        Assert.Equal(1, failed["costsync_runs_total"].ValueWith("status", "failed"));
        Assert.Equal(["costsync.prom"], Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Export_NewFolderUnderUmask077_FolderAndFileReadableByNodeExporter()
    {
        // systemd's UMask=0077, as in deploy/systemd/costsync.service (the process umask is shared: restored at once).
        var coordinator = _harness.Get<RunCoordinator>();
        var previous = Umask(0b000_111_111);
        try
        {
            await coordinator.RunOnceAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            _ = Umask(previous);
        }

        const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Assert.Equal(Readable, File.GetUnixFileMode(FilePath));
        Assert.Equal(Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute, File.GetUnixFileMode(Path.GetDirectoryName(FilePath)!));
    }

    [Fact]
    public async Task Export_NeverSucceededPartialRun_ReportsZeroLastSuccessAndFailedObjects()
    {
        var ct = TestContext.Current.CancellationToken;
        _harness.Engine.OnRun = (c, _) => Task.FromResult(Results.PartiallyFailed(failed: 4) with { RunId = c.RunId });

        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        var text = PrometheusText.Parse(await File.ReadAllTextAsync(FilePath, ct));
        Assert.Equal(0, text["costsync_last_success_timestamp_seconds"].Value);
        Assert.Equal(1, text["costsync_last_run_status"].Value);
        Assert.Equal(4, text["costsync_objects_failed"].Value);
        Assert.Equal(1, text["costsync_runs_total"].ValueWith("status", "partially_failed"));
    }

    [Fact]
    public async Task Export_CountersSurviveARestart_KeepGrowing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _harness.Get<RunCoordinator>().RunOnceAsync(ct);
        using var restarted = new HostHarness();
        foreach (var (key, value) in _harness.Settings)
        {
            restarted.Settings[key] = value;
        }

        restarted.Settings["CostSync:StateDirectory"] = _harness.StateDirectory;

        await restarted.Get<RunCoordinator>().RunOnceAsync(ct);

        var text = PrometheusText.Parse(await File.ReadAllTextAsync(FilePath, ct));
        Assert.Equal(4, text["costsync_objects_copied_total"].Value);
        Assert.Equal(2, text["costsync_runs_total"].ValueWith("status", "succeeded"));
    }

    [Fact]
    public async Task Export_FolderCannotBeCreated_LogsOneWarningAndTheRunStillSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var blocker = Path.Combine(_folder.Path, "blocker");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be", ct);
        _harness.Settings["CostSync:Metrics:TextfilePath"] = Path.Combine(blocker, "costsync.prom");

        var outcome = await _harness.Get<RunCoordinator>().RunOnceAsync(ct);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        var warning = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Id.Name == "TextfileWriteFailed");
        Assert.Contains(blocker, warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
