using System.Diagnostics;
using System.Security.Cryptography;
using CostSync.Tests.Host.EndToEnd;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.SecretHygiene;

/// <summary>
/// A broad run of CostSync against the OCI emulator and Swift, in every auth mode, succeeding and failing, and a check that
/// nothing it produced holds a secret it was given: no AWS key, OCI private key or pass phrase, security token or request
/// signature in a log line (console, file, structured properties), an exception, an alert, a state file or a ledger object.
/// The same check runs over the whole test suite (<see cref="SecretWitness.Suite"/>, checked when the run ends).
/// </summary>
public sealed class SecretHygieneEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private const string PassPhrase = "pass-phrase-Qv8kZt";
    private static readonly string RightKeys = $"{{\"accessKeyId\": \"{SwiftS3Fixture.AccessKey}\", \"secretAccessKey\": \"{SwiftS3Fixture.SecretKey}\"}}";
    private static readonly string WrongKeys = $"{{\"accessKeyId\": \"{SwiftS3Fixture.AccessKey}\", \"secretAccessKey\": \"WrongSecretKey-hygiene-7u\", \"sessionToken\": \"FwoGZXIvYXdzEhygiene-session-token-x\"}}";
    private readonly SecretWitness _witness = new();
    private CliHarness _cli = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(Ct);
        _cli.ToSwift(swift, await swift.CreateBucketAsync(Ct));
        _cli.Settings["CostSync:Destination:Prefix"] = "oci";
        _cli.Settings["CostSync:Logging:Path"] = _cli.StateDirectory + "-logs";
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, RightKeys);
        _witness.Secret(PassPhrase, "the key file's pass phrase");
        SecretWitness.Suite.Secret(PassPhrase, "the key file's pass phrase");
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task BroadRun_EveryAuthModeSuccessAndFailure_NothingProducedHoldsASecret()
    {
        // API key whose private key is encrypted with a pass phrase
        await EncryptKeyFileAsync();
        await RunAsync(0, "--once");
        await RunAsync(0, "list");
        await RunAsync(0, "list", "--json");
        await RunAsync(0, "--once", "--dry-run", "--json");
        await RunAsync(0, "doctor", "--send-test-alert");
        await RunAsync(0, "doctor", "--json");
        await RunAsync(0, "test-alert");

        // S3 refuses keys (with a session token) → one re-read of Vault → a failed run and an alert
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, WrongKeys);
        _cli.Emulator.Objects.Put("reports/cost-csv/hygiene-00001.csv.gz", new GeneratedContent(5000, 1).ToArray());
        await RunAsync(1, "--once");
        _cli.Emulator.Secrets.Set(CliHarness.SecretId, RightKeys);

        // the pass phrase is wrong: a configuration error that must not quote it
        var config = _cli.Settings["CostSync:Oci:ConfigFile"]!;
        var original = await File.ReadAllTextAsync(config, Ct);
        await File.WriteAllTextAsync(config, original.Replace(PassPhrase, PassPhrase + "-but-wrong", StringComparison.Ordinal), Ct);
        _witness.Secret(PassPhrase + "-but-wrong", "a wrong pass phrase");
        await RunAsync(2, "--once");
        await File.WriteAllTextAsync(config, original, Ct);

        // a session token profile, then the instance principal (certificate, key and tokens from instance metadata)
        _cli.Settings["CostSync:Oci:Auth"] = "SecurityToken";
        _cli.Settings["CostSync:Oci:ConfigFile"] = _cli.Emulator.WriteSessionTokenConfig(_cli.StateDirectory + "-session");
        _cli.Emulator.Objects.Put("reports/cost-csv/hygiene-00002.csv.gz", new GeneratedContent(6000, 2).ToArray());
        await RunAsync(0, "--once");
        _cli.Settings["CostSync:Oci:Auth"] = "InstancePrincipal";
        _cli.Emulator.Objects.Put("reports/cost-csv/hygiene-00003.csv.gz", new GeneratedContent(7000, 3).ToArray());
        await RunAsync(0, "--once");
        await RunAsync(0, "doctor");

        // the daemon as systemd runs it: its first run, then SIGTERM; JSON log file
        await RunDaemonAsync();

        HarnessReports.Logs(_cli.Logs.GetSnapshot(), _witness);
        await HarnessReports.CliEndAsync(_cli.Emulator, _cli.Settings, _witness);

        Assert.Empty(_witness.Leaks());
        var secrets = _cli.Emulator.Issued.All.Values.ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "API private key", "session private key", "instance private key", "security token", "request signature", "Vault secret content" }, secrets);
        Assert.True(_witness.SecretCount > 100, $"only {_witness.SecretCount} secrets registered");
        Assert.True(_witness.TextCount > 200, $"only {_witness.TextCount} texts collected");
    }

    private async Task RunAsync(int expectedExit, params string[] args)
    {
        var result = await _cli.RunAsync(args, Ct);
        Assert.True(result.ExitCode == expectedExit, $"{string.Join(' ', args)}: {result.ToString().ReplaceLineEndings(" ¶ ")}");
        _witness.Saw($"output of {string.Join(' ', args)}", result.Output);
        foreach (var line in result.BootstrapLines)
        {
            _witness.Saw($"console line of {string.Join(' ', args)}", line);
        }
    }

    private async Task EncryptKeyFileAsync()
    {
        var config = _cli.Settings["CostSync:Oci:ConfigFile"]!;
        var keyFile = Path.Combine(Path.GetDirectoryName(config)!, "oci_api_key_DEFAULT.pem");
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(keyFile, Ct));
        await File.WriteAllTextAsync(keyFile, key.ExportEncryptedPkcs8PrivateKeyPem(PassPhrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)), Ct);
        await File.AppendAllTextAsync(config, $"pass_phrase = {PassPhrase}\n", Ct);
    }

    private async Task RunDaemonAsync()
    {
        var logs = _cli.StateDirectory + "-daemon-logs";
        var settings = new Dictionary<string, string?>(_cli.Settings)
        {
            ["CostSync:StateDirectory"] = _cli.StateDirectory + "-daemon",
            ["CostSync:Logging:Path"] = logs,
            ["CostSync:Logging:Json"] = "true",
        };
        var configFile = _cli.StateDirectory + "-daemon.json";
        await File.WriteAllTextAsync(configFile, "{}", Ct);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])[CostSyncBuildOutput.Assembly, "--config", configFile, .. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(Ct) is { } line)
        {
            output.Add(line);
            if (line.Contains(" listed, ", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(Ct);
        }

        output.AddRange((await process.StandardOutput.ReadToEndAsync(Ct)).Split('\n'));
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, string.Join(" ¶ ", output) + await stderr);
        Assert.Contains(output, l => l.Contains("Succeeded", StringComparison.Ordinal));
        _witness.Saw("daemon output", string.Join('\n', output) + await stderr);
        foreach (var file in Directory.EnumerateFiles(logs))
        {
            _witness.Saw($"daemon log file {Path.GetFileName(file)}", await File.ReadAllTextAsync(file, Ct));
        }
    }
}
