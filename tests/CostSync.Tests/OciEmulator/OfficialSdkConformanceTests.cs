using System.Diagnostics;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Requests;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator;

/// <summary>Drives the emulator with the official OCI TypeScript SDK (tests/servers/oci-sdk-drive.js).</summary>
public sealed class OfficialSdkConformanceTests
{
    private const string SecretId = "ocid1.vaultsecret.oc1.iad.aaaaaaaasdkconformance";
    private const string TopicId = "ocid1.onstopic.oc1.iad.aaaaaaaasdkconformance";

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("SessionToken")]
    [InlineData("InstancePrincipal")]
    public async Task OfficialSdk_ListHeadGetSecretsOnsAndMetrics_AllPassWithSignedRequests(string auth)
    {
        PrincipalKind principal = Enum.Parse<PrincipalKind>(auth);
        string servers = Path.Combine(RepositoryRoot.Find(), "tests", "servers");
        Assert.True(
            Directory.Exists(Path.Combine(servers, "node_modules", "oci-objectstorage")),
            "The official OCI SDK is not installed: run `npm ci --prefix tests/servers` from the repository root (CI does this).");
        // The SDK signs with the real clock, so this emulator uses the system clock too.
        await using OciEmulatorServer server = await OciEmulatorServer.StartAsync(new OciEmulatorOptions(), TestContext.Current.CancellationToken);
        string directory = Path.Combine(Path.GetTempPath(), "costsync-tests", Guid.NewGuid().ToString("N"));
        string config = principal switch
        {
            PrincipalKind.ApiKey => server.WriteApiKeyConfig(directory),
            PrincipalKind.SessionToken => server.WriteSessionTokenConfig(directory),
            _ => "--instance-principal",
        };
        server.Secrets.Set(SecretId, "sdk-secret-value");
        server.Notifications.AddTopic(TopicId);

        (int exitCode, string output) = await RunNodeAsync(
            servers, Path.Combine(servers, "oci-sdk-drive.js"), server.BaseUri.ToString(), config, SecretId, "sdk-secret-value", TopicId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Assert.True(exitCode == 0, $"oci-sdk-drive.js exited with {exitCode}:\n{output}");
        Assert.Contains("8 passed, 0 failed", output, StringComparison.Ordinal);
        IReadOnlyList<RequestLogEntry> entries = server.Requests.Entries;
        Assert.All(entries.Where(e => e.Operation is not (Operations.Metadata or Operations.Federation)), e => Assert.Equal(principal, e.Principal));
        Assert.Equal(principal == PrincipalKind.InstancePrincipal, server.Requests.Count(Operations.Federation) > 0);
        Assert.Equal(principal == PrincipalKind.InstancePrincipal, server.Requests.Count(Operations.Metadata) >= 3);
        Assert.True(server.Requests.Count(Operations.ListObjects) > 1);
        Assert.True(server.Requests.Count(Operations.HeadObject) >= 1);
        Assert.True(server.Requests.Count(Operations.GetObject) >= 2);
        Assert.Equal(1, server.Requests.Count(Operations.GetSecretBundle));
        Assert.Equal(1, server.Requests.Count(Operations.PublishMessage));
        Assert.Contains(server.Notifications.Messages, m => m.TopicId == TopicId);
        Assert.Equal(1, server.Requests.Count(Operations.PostMetricData));
        Assert.Contains(server.Monitoring.Metrics, m => m.Name == "sdk_check" && m.Datapoints[0].Value == 42);
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; Node 20 must be on PATH.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
