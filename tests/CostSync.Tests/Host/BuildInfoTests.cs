using System.Reflection;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host;

public sealed class BuildInfoTests
{
    [Theory]
    // stamped at publish: version + commit
    [InlineData("1.4.0+0123abcd4567", "1.4.0", "0123abcd4567")]
    [InlineData("1.4.0-rc.1+0123abcd4567.dirty", "1.4.0-rc.1", "0123abcd4567.dirty")]
    // no commit stamped
    [InlineData("1.4.0", "1.4.0", "unknown")]
    [InlineData("1.4.0+", "1.4.0", "unknown")]
    [InlineData(null, "unknown", "unknown")]
    public void Parse_InformationalVersion_SplitsVersionAndCommit(string? informational, string version, string commit)
    {
        var sut = BuildInfo.Parse(informational);

        Assert.Equal(version, sut.Version);
        Assert.Equal(commit, sut.Commit);
        Assert.Equal($"CostSync {version} (commit {commit})", sut.ToString());
    }

    [Fact]
    public async Task Version_CommandLine_PrintsTheAssemblyVersionAndCommit()
    {
        var sink = new CollectingSink();
        using var output = new StringWriter();
        var environment = new AppEnvironment { BootstrapLogger = sink.CreateLogger(), Output = output, WriteToConsole = false, UseSystemConfigFile = false, UseEnvironmentVariables = false };

        var exitCode = await CostSyncApp.RunAsync(["--version"], environment, TestContext.Current.CancellationToken);

        var informational = typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, exitCode);
        Assert.Equal($"CostSync {informational.Split('+')[0]} (commit {informational.Split('+')[1]})", output.ToString().Trim());
    }
}
