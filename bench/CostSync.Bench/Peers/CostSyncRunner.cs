using System.Text.Json;
using System.Text.Json.Nodes;
using CostSync.Bench.Measure;
using CostSync.OciEmulator;

namespace CostSync.Bench.Peers;

/// <summary>
/// Runs CostSync as users do: a settings file (API-key auth against the emulator, the AWS keys from the emulator's Vault,
/// console logging only), <c>--once</c> under GNU time, or the daemon (<see cref="DaemonSession"/>).
/// </summary>
internal sealed class CostSyncRunner(string costSync, string workDirectory)
{
    private const string SecretId = "ocid1.vaultsecret.oc1.iad.aaaaaaaacostsyncbenchkeys";
    private int _configs;

    /// <summary>The program and the arguments before CostSync's own: an executable, or <c>dotnet CostSync.dll</c>.</summary>
    public (string Program, string[] Prefix) Command =>
        costSync.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [costSync]) : (costSync, []);

    /// <summary>
    /// Writes a settings file for a run from <paramref name="emulator"/> to <paramref name="target"/>, with <c>Validation:Mode</c>
    /// <paramref name="validation"/> when given (else CostSync's default); returns its path.
    /// </summary>
    public string WriteSettings(OciEmulatorServer emulator, CostSyncTarget target, string cron = "0 0 1 1 *", string? validation = null)
    {
        emulator.Secrets.Set(SecretId, """{"accessKeyId":"test:tester","secretAccessKey":"testing"}""");
        var n = Interlocked.Increment(ref _configs);
        var directory = Path.Combine(workDirectory, $"costsync-{n}");
        Directory.CreateDirectory(directory);
        var url = emulator.BaseUri.ToString();
        var destination = target.Directory is { } folder
            ? new JsonObject { ["Kind"] = "Directory", ["Path"] = folder }
            : new JsonObject
            {
                ["Kind"] = "S3",
                ["Bucket"] = target.Bucket,
                ["Prefix"] = target.Prefix,
                ["ServiceUrl"] = target.ServiceUrl!.ToString(),
                ["ForcePathStyle"] = true,
                ["Region"] = "us-east-1",
                ["Credentials"] = new JsonObject { ["SecretId"] = SecretId },
            };
        var settings = new JsonObject
        {
            ["CostSync"] = new JsonObject
            {
                ["StateDirectory"] = Path.Combine(directory, "state"),
                ["Logging"] = new JsonObject { ["Path"] = string.Empty },
                ["Schedule"] = new JsonObject { ["Cron"] = cron },
                ["Oci"] = new JsonObject
                {
                    ["Auth"] = "ApiKey",
                    ["ConfigFile"] = emulator.WriteApiKeyConfig(Path.Combine(directory, "oci")),
                    ["Endpoints"] = new JsonObject
                    {
                        ["ObjectStorage"] = url,
                        ["Secrets"] = url,
                        ["Notifications"] = url,
                        ["Auth"] = url,
                        ["TelemetryIngestion"] = url,
                        ["Metadata"] = emulator.MetadataUri.ToString(),
                    },
                },
                ["Destination"] = destination,
            },
        };
        if (validation is not null)
        {
            settings["CostSync"]!["Validation"] = new JsonObject { ["Mode"] = validation };
        }

        Directory.CreateDirectory(Path.Combine(directory, "state"));
        var file = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(file, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return file;
    }

    /// <summary>One <c>--once</c> run under GNU time; a run that does not succeed stops the benchmark with CostSync's output.</summary>
    public async Task<Sample> RunOnceAsync(string settings, CancellationToken cancellationToken)
    {
        var (program, prefix) = Command;
        var result = await TimedProcess.RunAsync(program, [.. prefix, "--once", "--config", settings], null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"CostSync --once exited with {result.ExitCode}:{Environment.NewLine}{Tail(result.Output)}");
        }

        return result.Sample;
    }

    /// <summary>Starts the daemon with <paramref name="settings"/>.</summary>
    public DaemonSession StartDaemon(string settings)
    {
        var (program, prefix) = Command;
        return DaemonSession.Start(program, [.. prefix, "--config", settings]);
    }

    internal static string Tail(string output) => string.Join(Environment.NewLine, output.Split('\n').TakeLast(30));
}
