using System.Security.Cryptography;
using CostSync.OciEmulator;
using CostSync.Tests.Host.EndToEnd;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// The OCI side set up wrong: the OCI config file, the API key file, the region and bling's policy, the clock. Each refuses
/// with one message naming the file, setting or cause and the fix (no stack trace), and the archive stays as it was. The
/// missing ONS topic and a glob that matches nothing are in <see cref="MisconfigurationEndToEndTests"/>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OciAccessBadInputTests : IAsyncLifetime
{
    private BadInputScenario _scenario = null!;
    private SortedDictionary<string, string> _archive = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ConfigFile => _scenario.Cli.Settings["CostSync:Oci:ConfigFile"]!;

    private string KeyFile => Path.Combine(Path.GetDirectoryName(ConfigFile)!, "oci_api_key_DEFAULT.pem");

    public async ValueTask InitializeAsync()
    {
        _scenario = await BadInputScenario.ToDirectoryAsync(Ct);
        _archive = await _scenario.ArchiveOnceAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Once_BlingAnswers404_WrongRegionOrMissingPolicyExplainedInLogAndAlert()
    {
        // bling answers 404 outside the home region, or without the endorse policy: here, for a tenancy whose reports are not here.
        _scenario.Cli.Settings["CostSync:Oci:Region"] = "eu-frankfurt-1";
        _scenario.Cli.Settings["CostSync:Oci:TenancyId"] = "ocid1.tenancy.oc1..aaaaaaaaotherhomeregion";

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 1, _scenario.Describe(result));
        var failed = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Name == "RunFailed").Message;
        Assert.Contains("ListObjects failed: HTTP 404", failed, StringComparison.Ordinal);
        Assert.Contains("(1) this is not the tenancy's home region: reports can only be read there, so set CostSync:Oci:Region to the home region", failed, StringComparison.Ordinal);
        Assert.Contains("(2) the cross-tenancy policy is missing", failed, StringComparison.Ordinal);
        Assert.Contains("set CostSync:Oci:Region to the home region", Assert.Single(_scenario.NewAlerts).Body, StringComparison.Ordinal);
        Assert.Equal(_archive, await _scenario.SnapshotAsync(Ct));
    }

    [Theory]
    // the OCI config file
    [InlineData("oci-config-file-missing", "missing", "` does not exist (Auth = ApiKey reads the API key profile from it). Example: `/home/opc/.oci/config`.")]
    [InlineData("oci-config-file-is-a-folder", "folder", "` is a folder, not the OCI config file (Auth = ApiKey reads the API key profile from the file, usually `config` inside it)")]
    [InlineData("oci-config-file-malformed", "malformed", "line 2 is not 'key = value', a [PROFILE] header or a comment: fix or remove it")]
    [InlineData("oci-config-profile-missing", "profile", "has no profile [PROD] (profiles found: DEFAULT). Set CostSync:Oci:Profile to one of them")]
    [InlineData("oci-config-key-file-entry-missing", "no-key-file", "has no 'key_file' (nor does [DEFAULT]): add 'key_file = <path to the API private key PEM>'")]
    // the API private key file
    [InlineData("key-file-missing", "key-missing", "does not exist. Point key_file at the API private key")]
    [InlineData("key-file-is-the-public-key", "key-public", "is a public key (BEGIN PUBLIC KEY), not a private key. key_file must point at the private key")]
    [InlineData("key-file-openssh-format", "key-openssh", "is in OpenSSH format, which OCI tools do not read. Convert a copy to PEM with 'ssh-keygen -p -m PEM")]
    [InlineData("key-file-not-a-key", "key-garbage", "is not an RSA private key in PEM (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)")]
    [InlineData("key-file-encrypted-without-pass-phrase", "key-encrypted", "is encrypted: set pass_phrase in the profile")]
    [InlineData("key-file-wrong-pass-phrase", "key-wrong-phrase", "cannot be used (")]
    public async Task Once_OciProfileUnusable_ExitsTwoNamingTheFileAndTheFix(string @case, string breakage, string expected)
    {
        Assert.NotEmpty(@case);
        await BreakAsync(breakage);

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 2, _scenario.Describe(result));
        var line = Assert.Single(result.BootstrapLines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(breakage switch { "missing" or "folder" => _scenario.Cli.Settings["CostSync:Oci:ConfigFile"]!, "malformed" or "profile" or "no-key-file" => ConfigFile, _ => KeyFile }, line, StringComparison.Ordinal);
        Assert.DoesNotContain(result.BootstrapLines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-phrase-Zq7", _scenario.Describe(result), StringComparison.Ordinal);
        Assert.Equal(_archive, await _scenario.SnapshotAsync(Ct));
    }

    [Fact]
    public async Task Once_KeyFileReadableByOthers_WarnsNamingTheFileAndChmodAndStillRuns()
    {
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        _scenario.Emulator.Objects.Put("reports/cost-csv/new-00001.csv.gz", [1, 2, 3]);

        var result = await _scenario.RunAsync(["--once"], Ct);

        Assert.True(result.ExitCode == 0, _scenario.Describe(result));
        var warning = Assert.Single(_scenario.Cli.Logs.GetSnapshot(), r => r.Id.Id == 1021);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains(KeyFile, warning.Message, StringComparison.Ordinal);
        Assert.Contains($"key_file of [DEFAULT] in {ConfigFile}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("can be read or written by other users (mode \"0644\")", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Restrict it to the user CostSync runs as: chmod 600 ", warning.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], await _scenario.ReadAsync("reports/cost-csv/new-00001.csv.gz", Ct));
    }

    [Theory]
    // root reads any file, so these run as `nobody` (see OtherUserProcess)
    [InlineData("oci-config-file-unreadable", "config")]
    [InlineData("key-file-unreadable", "key")]
    public async Task Process_CredentialFileTheServiceUserCannotRead_ExitsTwoSayingWhoMustReadIt(string @case, string file)
    {
        Assert.NotEmpty(@case);
        var path = file == "config" ? ConfigFile : KeyFile;
        File.SetUnixFileMode(path, UnixFileMode.None);
        var home = OtherUserProcess.WritableFolder(_scenario.Cli.StateDirectory + "-other-user");
        var settings = new Dictionary<string, string?>(_scenario.Cli.Settings)
        {
            ["CostSync:StateDirectory"] = OtherUserProcess.WritableFolder(Path.Combine(home, "state")),
            ["CostSync:Destination:Path"] = OtherUserProcess.WritableFolder(Path.Combine(home, "archive")),
        };

        var (exitCode, output) = await OtherUserProcess.RunAsync(settings, home, Ct, "--once");

        Assert.True(exitCode == 2, $"exit {exitCode}: {output.ReplaceLineEndings(" ¶ ")}");
        Assert.True(output.Contains($"cannot be read: Access to the path '{path}' is denied.", StringComparison.Ordinal), output.ReplaceLineEndings(" ¶ "));
        var user = OtherUserProcess.IsRoot ? OtherUserProcess.User : Environment.UserName;
        Assert.Contains($"Make it readable by the user CostSync runs as ({user}), and by no one else: e.g. chown {user} {path} && chmod 600 {path}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(settings["CostSync:Destination:Path"]!));
    }

    [Fact]
    public async Task List_ClockTenMinutesBehindOci_SaysTheClockIsOffAndHowToFixIt()
    {
        // OCI's clock 10 minutes ahead of this machine's: every signature is refused with 401, and no refresh can help.
        await using var skewed = await BadInputScenario.ToDirectoryAsync(Ct, new OciEmulatorOptions { Tree = BadInputScenario.SmallTree, TimeProvider = new ShiftedClock(TimeSpan.FromMinutes(10)) });

        var list = await skewed.RunAsync(["list"], Ct);
        var once = await skewed.RunAsync(["--once"], Ct);

        Assert.True(list.ExitCode == 1, skewed.Describe(list));
        Assert.True(once.ExitCode == 1, skewed.Describe(once));
        var logs = skewed.Cli.Logs.GetSnapshot();
        var clock = logs.First(r => r.Id.Name == "ClockSkew");
        Assert.Contains("This machine's clock is \"10 minutes behind\" OCI's", clock.Message, StringComparison.Ordinal);
        Assert.Contains("timedatectl set-ntp true", clock.Message, StringComparison.Ordinal);
        Assert.Contains("The local clock is 10 minutes behind the service's", Assert.Single(logs, r => r.Id.Name == "CommandFailed").Message, StringComparison.Ordinal);
        Assert.Contains("The local clock is 10 minutes behind the service's", Assert.Single(logs, r => r.Id.Name == "RunFailed").Message, StringComparison.Ordinal);

        // ONS refuses the alert for the same reason: only the alarm on missing metrics (deploy/tofu) can tell anyone.
        Assert.Empty(skewed.NewAlerts);
        Assert.Contains("401", Assert.Single(logs, r => r.Id.Name == "AlertPublishFailed").Message, StringComparison.Ordinal);
        // The failed run's evidence may be written under .costsync/; no report is archived without a listing.
        var archive = skewed.Cli.Settings["CostSync:Destination:Path"]!;
        var reports = Directory.Exists(archive)
            ? Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(archive, f).StartsWith(".costsync", StringComparison.Ordinal)).ToList()
            : [];
        Assert.True(reports.Count == 0, "nothing may be archived without a listing: " + string.Join(", ", reports));
    }

    private async Task BreakAsync(string breakage)
    {
        switch (breakage)
        {
            case "missing":
                _scenario.Cli.Settings["CostSync:Oci:ConfigFile"] = ConfigFile + ".missing";
                break;
            case "folder":
                _scenario.Cli.Settings["CostSync:Oci:ConfigFile"] = Path.GetDirectoryName(ConfigFile);
                break;
            case "malformed":
                await File.WriteAllTextAsync(ConfigFile, "[DEFAULT]\nuser ocid1.user.oc1..nosign\n", Ct);
                break;
            case "profile":
                _scenario.Cli.Settings["CostSync:Oci:Profile"] = "PROD";
                break;
            case "no-key-file":
                await File.WriteAllLinesAsync(ConfigFile, (await File.ReadAllLinesAsync(ConfigFile, Ct)).Where(l => !l.StartsWith("key_file", StringComparison.Ordinal)), Ct);
                break;
            case "key-missing":
                File.Delete(KeyFile);
                break;
            case "key-public":
                await File.WriteAllTextAsync(KeyFile, LoadKey().ExportSubjectPublicKeyInfoPem(), Ct);
                break;
            case "key-openssh":
                await File.WriteAllTextAsync(KeyFile, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\n-----END OPENSSH PRIVATE KEY-----\n", Ct);
                break;
            case "key-garbage":
                await File.WriteAllTextAsync(KeyFile, "this is the key, trust me\n", Ct);
                break;
            case "key-encrypted":
                await File.WriteAllTextAsync(KeyFile, Encrypted(LoadKey()), Ct);
                break;
            case "key-wrong-phrase":
                await File.WriteAllTextAsync(KeyFile, Encrypted(LoadKey()), Ct);
                await File.AppendAllTextAsync(ConfigFile, "pass_phrase=wrong-phrase-Zq7\n", Ct);
                break;
        }
    }

    private RSA LoadKey()
    {
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(KeyFile));
        return key;
    }

    private static string Encrypted(RSA key) =>
        key.ExportEncryptedPkcs8PrivateKeyPem("the-right-phrase", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
}
