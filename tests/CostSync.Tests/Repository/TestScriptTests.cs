using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Repository;

/// <summary>
/// <c>./test.sh</c>, the README's second command, and <c>.ci/run</c>, which calls it: run on a copy of the repository's
/// scripts with a PATH of stand-ins (a fresh Debian 12 has none of the tools; apt-get, npm and dotnet record their calls),
/// so no package is installed and no test suite is started by these tests.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TestScriptTests : IDisposable
{
    private static readonly string[] Tools =
        ["swift-ring-builder", "swift-proxy-server", "swift-account-server", "swift-container-server", "swift-object-server", "memcached", "node", "npm", "cloud-init", "shellcheck", "systemd-analyze", "git"];

    private const string Packages = "swift swift-proxy swift-account swift-container swift-object memcached nodejs npm cloud-init shellcheck systemd git";

    private readonly TempDirectory _directory = new();

    public TestScriptTests()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(Path.Combine(Repo, ".ci"));
        Directory.CreateDirectory(Path.Combine(Repo, "tests", "servers"));
        foreach (var script in new[] { "test.sh", Path.Combine(".ci", "run") })
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), script), Path.Combine(Repo, script));
            File.SetUnixFileMode(Path.Combine(Repo, script), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        // what every Debian has (.ci/run starts ./test.sh through `env bash`)
        foreach (var tool in new[] { "bash", "awk", "tee", "dirname" })
        {
            File.CreateSymbolicLink(Path.Combine(Bin, tool), ExternalTool.Require(tool, "coreutils / mawk are part of every Debian"));
        }

        // dotnet test stands in with the test platform's summary and its own exit code, to see it pass through
        Stub("dotnet", "printf '  succeeded: 5\\n  failed: 1\\n'; exit 7");
    }

    private string Bin => Path.Combine(_directory.Path, "bin");

    private string Repo => Path.Combine(_directory.Path, "repo");

    private string Calls => Path.Combine(_directory.Path, "calls");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Check_FreshMachine_NamesEveryMissingPackageAndInstallsNothing()
    {
        Stub("id", "echo 0", record: false);

        var result = await RunAsync("test.sh", "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"missing commands: {string.Join(' ', Tools)}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"would run (as root): apt-get update && apt-get install -y --no-install-recommends {Packages}", result.Output, StringComparison.Ordinal);
        Assert.Contains("would run: npm ci --prefix tests/servers", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Calls), "--check ran something");
    }

    [Fact]
    public async Task Check_EverythingInstalled_SaysSoAndRunsNothing()
    {
        foreach (var tool in Tools)
        {
            Stub(tool);
        }

        var result = await RunAsync("test.sh", "--check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing is missing", result.Output, StringComparison.Ordinal);
        Assert.Equal(["npm ls --prefix tests/servers --depth=0"], await CallsAsync());
    }

    [Fact]
    public async Task Run_FreshMachineAsRoot_InstallsPackagesThenNpmThenRunsDotnetTestWithTheArguments()
    {
        Stub("id", "echo 0", record: false);
        // apt-get "installs" every tool; npm ls fails until npm ci ran
        Stub("apt-get", string.Join("\n", Tools.Select(t => $"printf '#!/bin/bash\\necho \"{t} $*\" >> {Calls}\\n' > {Path.Combine(Bin, t)}; /bin/chmod +x {Path.Combine(Bin, t)}")));

        var result = await RunAsync("test.sh", "--no-build", "--", "--filter-class", "*DoctorTests");

        Assert.True(result.ExitCode == 7, result.ToString()); // dotnet test's own exit code
        Assert.Equal(
            [
                "apt-get update -qq",
                $"apt-get install -y -qq --no-install-recommends {Packages}",
                "npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error",
                "dotnet test --no-build -- --filter-class *DoctorTests",
            ],
            await CallsAsync());
    }

    [Fact]
    public async Task Run_NotRootWithoutSudo_PrintsTheExactCommandAndRunsNoTests()
    {
        Stub("id", "echo 1000", record: false);
        Stub("apt-get");
        Stub("npm", "exit 1");

        var result = await RunAsync("test.sh");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("this user cannot install them (not root, no passwordless sudo)", result.Output, StringComparison.Ordinal);
        Assert.Contains($"sudo sh -c \"apt-get update && apt-get install -y --no-install-recommends {Packages.Replace("nodejs npm", "nodejs", StringComparison.Ordinal)}\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(await CallsAsync(), c => c.StartsWith("apt-get", StringComparison.Ordinal) || c.StartsWith("dotnet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NotDebian_NamesThePackagesAndRunsNoTests()
    {
        Stub("id", "echo 0", record: false);

        var result = await RunAsync("test.sh");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"this is not a Debian system (no apt-get): install these Debian packages' equivalents, then ./test.sh again: {Packages}", result.Output, StringComparison.Ordinal);
        Assert.Empty(await CallsAsync());
    }

    [Fact]
    public async Task CiRun_CallsTestShAndEndsWithTheSummaryLine()
    {
        Stub("id", "echo 0", record: false);
        foreach (var tool in Tools)
        {
            Stub(tool);
        }

        var result = await RunAsync(Path.Combine(".ci", "run"));

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("5 passed, 1 failed", result.Output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(["npm ls --prefix tests/servers --depth=0", "dotnet test"], await CallsAsync());
    }

    [Fact]
    public async Task Scripts_PassShellcheck()
    {
        var shellcheck = ExternalTool.Require("shellcheck", "apt-get install -y --no-install-recommends shellcheck (./test.sh does it)");

        var result = await ExternalTool.RunAsync(shellcheck, ["--severity=style", "test.sh", Path.Combine(".ci", "run")], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>A command on the stand-in PATH that records its arguments (unless told not to), then runs <paramref name="body"/>.</summary>
    private void Stub(string name, string body = "exit 0", bool record = true)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $"#!/bin/bash\n{(record ? $"echo \"{name} $*\" >> {Calls}" : string.Empty)}\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private Task<ToolResult> RunAsync(string script, params string[] arguments) =>
        ExternalTool.RunAsync("/bin/bash", [Path.Combine(Repo, script), .. arguments], TestContext.Current.CancellationToken, Repo, new Dictionary<string, string> { ["PATH"] = Bin });

    private async Task<IReadOnlyList<string>> CallsAsync() =>
        File.Exists(Calls) ? [.. (await File.ReadAllLinesAsync(Calls, TestContext.Current.CancellationToken)).Select(l => l.TrimEnd())] : [];
}
