using System.Diagnostics;
using System.Text.RegularExpressions;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Sync;
using CostSync.Terminal;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Host.Terminal;

/// <summary>
/// The live progress line of <c>--once</c>: the real executable against an in-process OCI emulator, once inside a
/// pseudo-terminal (util-linux <c>script</c>) and once with its output redirected.
/// </summary>
public sealed partial class LiveProgressReporterTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private OciEmulatorServer _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.Default }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void Text_HalfwayThrough_ShowsObjectsBytesPercentRateAndEta()
    {
        var text = LiveProgressReporter.Text(new SyncProgress(2, 4, 50L * 1024 * 1024, 100L * 1024 * 1024, TimeSpan.FromSeconds(10)));

        Assert.Equal("Copying: 2/4 objects, 50.0 MiB of 100.0 MiB (50%), 5.0 MiB/s, ETA 10.0s", text);
    }

    [Fact]
    public void Text_Verifying_NamesTheActivity()
    {
        var text = LiveProgressReporter.Text(new SyncProgress(1, 4, 1024, 4096, TimeSpan.FromSeconds(1)), "Verifying");

        Assert.StartsWith("Verifying: 1/4 objects, 1.0 KiB of 4.0 KiB (25%)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_InsidePseudoTerminal_DrawsTheVerifyingLineAndErasesItBeforeTheResult()
    {
        var (archived, archiveOutput) = await RunAsync(underPseudoTerminal: false);
        Assert.True(archived == 0, archiveOutput);

        var (exitCode, transcript) = await RunAsync(underPseudoTerminal: true, "verify");

        Assert.True(exitCode == 0, transcript);
        var draws = VerifyLineDraw().Matches(transcript);
        Assert.NotEmpty(draws);
        var last = draws[^1];
        Assert.Equal(last.Groups["total"].Value, last.Groups["done"].Value);
        var result = transcript.IndexOf("Result: OK", last.Index + last.Length, StringComparison.Ordinal);
        Assert.True(result > 0, transcript);
        Assert.Contains("\r\u001b[K", transcript[(last.Index + last.Length)..result], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_InsidePseudoTerminal_DrawsTheLineInPlaceAndErasesItBeforeTheSummary()
    {
        var (exitCode, transcript) = await RunAsync(underPseudoTerminal: true);

        Assert.True(exitCode == 0, transcript);
        var draws = LiveLineDraw().Matches(transcript);
        Assert.NotEmpty(draws);
        var last = draws[^1];
        Assert.Equal(last.Groups["total"].Value, last.Groups["done"].Value);
        // The summary log line (coloured on a terminal) comes after the last draw, and the line is erased in between.
        var summary = transcript.IndexOf("Succeeded", last.Index + last.Length, StringComparison.Ordinal);
        Assert.True(summary > 0, transcript);
        Assert.Contains("\r\u001b[K", transcript[(last.Index + last.Length)..summary], StringComparison.Ordinal);
        Assert.DoesNotContain(" progress: ", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_OutputRedirected_WritesPlainLogLinesWithoutControlCharacters()
    {
        var (exitCode, output) = await RunAsync(underPseudoTerminal: false);

        Assert.True(exitCode == 0, output);
        Assert.Contains(" Succeeded: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain("Copying: ", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(bool underPseudoTerminal, string command = "--once")
    {
        var ct = TestContext.Current.CancellationToken;
        var dll = CostSyncBuildOutput.Assembly;
        var info = underPseudoTerminal
            ? new ProcessStartInfo("script", ["-qfec", $"dotnet '{dll}' {command}", "/dev/null"])
            : new ProcessStartInfo("dotnet", [dll, command]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = underPseudoTerminal;
        info.UseShellExecute = false;
        var settings = new Dictionary<string, string>
        {
            ["StateDirectory"] = Path.Combine(_directory.Path, "state"),
            ["Logging__Path"] = string.Empty,
            ["Oci__Auth"] = "ApiKey",
            ["Oci__ConfigFile"] = _emulator.WriteApiKeyConfig(Path.Combine(_directory.Path, "oci")),
            ["Oci__Endpoints__ObjectStorage"] = _emulator.BaseUri.ToString(),
            ["Destination__Kind"] = "Directory",
            ["Destination__Path"] = Path.Combine(_directory.Path, "reports"),
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[$"CostSync__{key}"] = value;
        }

        info.Environment["TERM"] = "xterm";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\rCopying: (?<done>\d+)/(?<total>\d+) objects, [^\r\n]* of [^\r\n]*, [^\r\n]*/s, ETA [^\r\n\u001b]*\u001b\[K")]
    private static partial Regex LiveLineDraw();

    [GeneratedRegex(@"\rVerifying: (?<done>\d+)/(?<total>\d+) objects, [^\r\n]* of [^\r\n]*, [^\r\n]*/s, ETA [^\r\n\u001b]*\u001b\[K")]
    private static partial Regex VerifyLineDraw();
}
