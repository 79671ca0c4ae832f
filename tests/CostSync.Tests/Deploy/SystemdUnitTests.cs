using System.Globalization;
using System.Text.RegularExpressions;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>deploy/systemd/costsync.service: <c>systemd-analyze verify</c> clean, exposure ≤ 2.0, and the self-contained binary behind current.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class SystemdUnitTests : IDisposable
{
    private const string Binary = "/opt/costsync/current/CostSync";
    private static readonly string Unit = Path.Combine(TofuStack.Deploy, "systemd", "costsync.service");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Unit_RunsTheSelfContainedBinaryBehindCurrent()
    {
        var text = await File.ReadAllTextAsync(Unit, TestContext.Current.CancellationToken);

        Assert.Contains($"\nExecStart={Binary}\n", text, StringComparison.Ordinal);
        Assert.Contains("\nWorkingDirectory=/opt/costsync/current\n", text, StringComparison.Ordinal);
        Assert.Contains("\nRestartPreventExitStatus=2\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet", text.Split('\n').Where(l => !l.StartsWith('#')).Select(l => l.ToLowerInvariant()).Where(l => !l.StartsWith("environment=dotnet_", StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Verify_UnitWithItsBinaryInstalled_IsClean()
    {
        var result = await VerifyAsync(await File.ReadAllTextAsync(Unit, TestContext.Current.CancellationToken));

        Assert.True(result.ExitCode == 0 && result.Error.Length == 0 && result.Output.Length == 0, result.ToString());
    }

    [Fact]
    public async Task Verify_UnknownKey_IsReported()
    {
        var text = (await File.ReadAllTextAsync(Unit, TestContext.Current.CancellationToken)).Replace("ProtectHome=yes", "ProtectHomes=yes", StringComparison.Ordinal);

        var result = await VerifyAsync(text);

        Assert.Contains("Unknown key 'ProtectHomes'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_Offline_ExposureIsAtMostTwo()
    {
        var tool = ExternalTool.Require("systemd-analyze", "apt-get install -y systemd");

        var result = await ExternalTool.RunAsync(tool, ["security", "--offline=true", Unit], TestContext.Current.CancellationToken);

        var exposure = Exposure().Match(result.Output);
        Assert.True(exposure.Success, result.ToString());
        Assert.InRange(double.Parse(exposure.Groups[1].Value, CultureInfo.InvariantCulture), 0.0, 2.0);
    }

    /// <summary>verify checks that ExecStart exists; on a machine without CostSync it points at a stand-in executable.</summary>
    private async Task<ToolResult> VerifyAsync(string unit)
    {
        var tool = ExternalTool.Require("systemd-analyze", "apt-get install -y systemd");
        var binary = Path.Combine(_directory.Path, "CostSync");
        await File.WriteAllTextAsync(binary, "#!/bin/sh\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var copy = Path.Combine(_directory.Path, "costsync.service");
        await File.WriteAllTextAsync(copy, unit.Replace($"ExecStart={Binary}", $"ExecStart={binary}", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        return await ExternalTool.RunAsync(tool, ["verify", copy], TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"Overall exposure level for costsync\.service: ([0-9.]+)")]
    private static partial Regex Exposure();
}
