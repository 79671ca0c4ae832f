using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>
/// deploy/upgrade.sh on a fake root (COSTSYNC_ROOT), with a local folder as the artifact bucket and a restart hook that
/// records which version <c>current</c> points at: new tarball, checksum, new folder, switch, restart, roll back.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpgradeScriptTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _root;
    private readonly string _artifacts;
    private readonly string _restarts;

    public UpgradeScriptTests()
    {
        _root = Path.Combine(_directory.Path, "root");
        _artifacts = Path.Combine(_directory.Path, "artifacts");
        _restarts = Path.Combine(_directory.Path, "restarts.log");
        Directory.CreateDirectory(Path.Combine(_root, "etc", "costsync"));
        Directory.CreateDirectory(_artifacts);
        File.WriteAllText(Path.Combine(_root, "etc", "costsync", "deploy.env"), "COSTSYNC_NAMESPACE=ns\nCOSTSYNC_BUCKET=costsync-artifacts\nCOSTSYNC_ARCH=x64\nCOSTSYNC_REGION=eu-frankfurt-1\n");
    }

    private string Opt => Path.Combine(_root, "opt", "costsync");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Upgrade_InstallThenUpgradeThenRollBack_SwitchesCurrentAndRestartsEachTime()
    {
        await PublishAsync("1.0.0");
        await PublishAsync("1.1.0");

        var install = await UpgradeAsync("1.0.0", Sha256("1.0.0"));
        var upgrade = await UpgradeAsync("1.1.0");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Equal("1.1.0", Link("current"));
        Assert.Equal("1.0.0", Link("previous"));
        Assert.Contains("roll back with: costsync-upgrade --rollback", upgrade.Output, StringComparison.Ordinal);
        Assert.Equal("CostSync 1.0.0 (commit test)\n", await File.ReadAllTextAsync(Path.Combine(Opt, "1.0.0", "version.txt"), TestContext.Current.CancellationToken));

        var rollback = await RunAsync(["--rollback"]);

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal("1.0.0", Link("current"));
        Assert.Equal("1.1.0", Link("previous"));
        Assert.Equal(["1.0.0", "1.1.0", "1.0.0"], Restarts());
    }

    [Fact]
    public async Task Upgrade_ThirdVersion_KeepsOnlyCurrentAndPrevious()
    {
        foreach (var version in (string[])["1.0.0", "1.1.0", "1.2.0"])
        {
            await PublishAsync(version);
            Assert.Equal(0, (await UpgradeAsync(version)).ExitCode);
        }

        Assert.Equal(["1.1.0", "1.2.0"], Directory.EnumerateDirectories(Opt).Where(d => new DirectoryInfo(d).LinkTarget is null).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upgrade_TarballDoesNotMatchItsChecksum_ChangesNothing()
    {
        await PublishAsync("1.0.0");
        await UpgradeAsync("1.0.0");
        await PublishAsync("1.1.0");
        await using (var tarball = File.OpenWrite(Tarball("1.1.0")))
        {
            tarball.Seek(-1, SeekOrigin.End);
            tarball.WriteByte(0x42); // a damaged download
        }

        var result = await UpgradeAsync("1.1.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not match its .sha256", result.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public async Task Upgrade_ExpectedSha256Differs_ChangesNothing()
    {
        await PublishAsync("1.0.0");
        await UpgradeAsync("1.0.0");
        await PublishAsync("1.1.0");

        var result = await UpgradeAsync("1.1.0", new string('0', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"has SHA-256 {Sha256("1.1.0")}, not the expected {new string('0', 64)}", result.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public async Task Upgrade_BinaryAnswersAnotherVersion_ChangesNothing()
    {
        await PublishAsync("1.0.0");
        await UpgradeAsync("1.0.0");
        await PublishAsync("1.1.0", answers: "1.0.9");

        var result = await UpgradeAsync("1.1.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("says 'CostSync 1.0.9 (commit test)', not version 1.1.0", result.Error, StringComparison.Ordinal);
        AssertUnchanged();
    }

    [Fact]
    public async Task Upgrade_NewVersionDoesNotStart_RollsBackAndRestartsTheOldOne()
    {
        await PublishAsync("1.0.0");
        await UpgradeAsync("1.0.0");
        await PublishAsync("1.1.0");

        var result = await UpgradeAsync("1.1.0", failingVersion: "1.1.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CostSync 1.1.0 did not start (see: journalctl -u costsync); rolled back to 1.0.0.", result.Error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", Link("current"));
        Assert.Null(Link("previous"));
        Assert.Equal(["1.0.0", "1.1.0", "1.0.0"], Restarts());
    }

    [Fact]
    public async Task Rollback_NoPreviousVersion_ExplainsAndChangesNothing()
    {
        await PublishAsync("1.0.0");
        await UpgradeAsync("1.0.0");

        var result = await RunAsync(["--rollback"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no previous version", result.Error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", Link("current"));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1.1")]
    public async Task Upgrade_NotAVersion_ExitsTwoWithUsage(string version)
    {
        var result = await RunAsync([version]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: costsync-upgrade VERSION [SHA256]", result.Error, StringComparison.Ordinal);
    }

    private void AssertUnchanged()
    {
        Assert.Equal("1.0.0", Link("current"));
        Assert.False(Directory.Exists(Path.Combine(Opt, "1.1.0")));
        Assert.Empty(Directory.EnumerateDirectories(Opt, ".*staging"));
        Assert.Equal(["1.0.0"], Restarts());
    }

    private Task<ToolResult> UpgradeAsync(string version, string? sha256 = null, string? failingVersion = null) =>
        RunAsync(sha256 is null ? [version] : [version, sha256], failingVersion);

    private Task<ToolResult> RunAsync(string[] arguments, string? failingVersion = null)
    {
        var current = Path.Combine(Opt, "current");
        var restart = $"v=$(readlink '{current}'); echo \"$v\" >> '{_restarts}'; [ \"$v\" != '{failingVersion ?? "none"}' ]";
        return ExternalTool.RunAsync(
            "bash",
            [Path.Combine(TofuStack.Deploy, "upgrade.sh"), .. arguments],
            TestContext.Current.CancellationToken,
            environment: new Dictionary<string, string> { ["COSTSYNC_ROOT"] = _root, ["COSTSYNC_ARTIFACT_DIR"] = _artifacts, ["COSTSYNC_RESTART"] = restart });
    }

    /// <summary>A tarball shaped like deploy/package.sh's: a CostSync executable (here a script that answers --version) at the root.</summary>
    private async Task PublishAsync(string version, string? answers = null)
    {
        var content = Path.Combine(_directory.Path, "build-" + version);
        Directory.CreateDirectory(content);
        var executable = Path.Combine(content, "CostSync");
        await File.WriteAllTextAsync(executable, $"#!/bin/sh\necho 'CostSync {answers ?? version} (commit test)'\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(content, "version.txt"), $"CostSync {version} (commit test)\n", TestContext.Current.CancellationToken);
        await using (var file = File.Create(Tarball(version)))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await TarFile.CreateFromDirectoryAsync(content, gzip, includeBaseDirectory: false, TestContext.Current.CancellationToken);
        }

        await File.WriteAllTextAsync(Tarball(version) + ".sha256", $"{Sha256(version)}  {Path.GetFileName(Tarball(version))}\n", TestContext.Current.CancellationToken);
    }

    private string Tarball(string version) => Path.Combine(_artifacts, $"costsync-{version}-linux-x64.tar.gz");

    private string Sha256(string version) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Tarball(version))));

    private string? Link(string name) => new FileInfo(Path.Combine(Opt, name)).LinkTarget;

    private List<string> Restarts() => File.Exists(_restarts) ? [.. File.ReadAllLines(_restarts)] : [];
}
