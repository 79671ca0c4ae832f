using Amazon.Runtime;
using CostSync.OciEmulator;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CostSync.Tests.SecretHygiene;

/// <summary>What the shared harnesses report to <see cref="SecretWitness.Suite"/>: the secrets they used and everything CostSync produced.</summary>
internal static class HarnessReports
{
    private static string Test => TestContext.Current.Test?.TestDisplayName ?? "a fixture";

    /// <summary>After a CLI run: its output, bootstrap lines and the log records not reported yet (from <paramref name="reported"/> on).</summary>
    public static int CliRun(CliResult result, FakeLogCollector logs, int reported, SecretWitness? witness = null)
    {
        witness ??= SecretWitness.Suite;
        witness.Saw($"CLI output of {Test}", result.Output);
        foreach (var line in result.BootstrapLines)
        {
            witness.Saw($"console line of {Test}", line);
        }

        var records = logs.GetSnapshot();
        for (var i = reported < records.Count ? reported : 0; i < records.Count; i++)
        {
            LogRecord(witness, records[i]);
        }

        return records.Count;
    }

    /// <summary>Log records of an engine or host harness.</summary>
    public static void Logs(IEnumerable<FakeLogRecord> records, SecretWitness? witness = null)
    {
        foreach (var record in records)
        {
            LogRecord(witness ?? SecretWitness.Suite, record);
        }
    }

    /// <summary>When a CLI harness ends: the emulator's secrets, the alerts, the state and log files, the ledger and metadata files or objects.</summary>
    public static async Task CliEndAsync(OciEmulatorServer emulator, IReadOnlyDictionary<string, string?> settings, SecretWitness? witness = null)
    {
        witness ??= SecretWitness.Suite;
        foreach (var (value, what) in emulator.Issued.All)
        {
            witness.Secret(value, $"{what} (from the emulator of {Test})");
        }

        foreach (var alert in emulator.Notifications.Messages)
        {
            witness.Saw($"alert of {Test}", $"{alert.Title}\n{alert.Body}");
        }

        Files(witness, settings.GetValueOrDefault("CostSync:StateDirectory"), "state file");
        Files(witness, settings.GetValueOrDefault("CostSync:Logging:Path"), "log file");
        if (settings.GetValueOrDefault("CostSync:Destination:Kind") == "Directory" && settings.GetValueOrDefault("CostSync:Destination:Path") is { } folder)
        {
            Files(witness, Path.Combine(folder, ".costsync"), "ledger or metadata file");
        }
        else if (settings.GetValueOrDefault("CostSync:Destination:Bucket") is { Length: > 0 } bucket
            && settings.GetValueOrDefault("CostSync:Destination:ServiceUrl") is { Length: > 0 } serviceUrl
            && serviceUrl.Contains($":{SwiftS3Fixture.Port}", StringComparison.Ordinal))
        {
            await LedgerObjectsAsync(witness, bucket);
        }
    }

    private static async Task LedgerObjectsAsync(SecretWitness witness, string bucket)
    {
        var options = new DestinationOptions { Kind = DestinationKind.S3, Bucket = bucket, ServiceUrl = new Uri($"http://127.0.0.1:{SwiftS3Fixture.Port}"), ForcePathStyle = true, Region = SwiftS3Fixture.Region };
        await using var destination = new S3Destination(S3ClientBuilder.Build(options, new BasicAWSCredentials(SwiftS3Fixture.AccessKey, SwiftS3Fixture.SecretKey)), bucket, options, ownsClient: true);
        try
        {
            await foreach (var o in destination.ListObjectsAsync(string.Empty, CancellationToken.None))
            {
                if (o.Key.Contains("/.costsync/ledger", StringComparison.Ordinal) || o.Key.StartsWith(".costsync/ledger", StringComparison.Ordinal))
                {
                    witness.Saw($"ledger object {o.Key} of {Test}", string.Join('\n', await LedgerContents.LinesAsync(destination, o.Key, CancellationToken.None)));
                }
            }
        }
        catch (Amazon.S3.AmazonS3Exception)
        {
            // A bucket the test never created (a misconfiguration case): nothing was stored.
        }
    }

    private static void LogRecord(SecretWitness witness, FakeLogRecord record)
    {
        witness.Saw($"log line of {Test}", record.Message);
        witness.Saw($"logged exception of {Test}", record.Exception?.ToString());
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            witness.Saw($"log property {key} of {Test}", value);
        }
    }

    private static void Files(SecretWitness witness, string? folder, string what)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder) || IsSystemFolder(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                witness.Saw($"{what} {Path.GetFileName(file)} of {Test}", File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file the test made unreadable on purpose.
            }
        }
    }

    /// <summary>A folder of the system a misconfiguration test points CostSync at (e.g. <c>/sys</c> as an unwritable state directory): CostSync wrote nothing there.</summary>
    private static bool IsSystemFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        return full == "/" || SystemRoots.Any(r => full == r || full.StartsWith(r + "/", StringComparison.Ordinal));
    }

    private static readonly string[] SystemRoots = ["/sys", "/proc", "/dev", "/run", "/etc", "/usr", "/bin", "/sbin", "/lib", "/boot"];
}
