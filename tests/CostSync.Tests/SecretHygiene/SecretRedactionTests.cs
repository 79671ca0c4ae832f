using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Runtime;
using CostSync.Configuration;
using CostSync.Credentials;
using CostSync.Logging;
using CostSync.Oci;
using CostSync.Oci.Api;
using CostSync.Oci.Auth;
using CostSync.Oci.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace CostSync.Tests.SecretHygiene;

/// <summary>
/// Every type that holds a secret redacts itself wherever it can be printed by accident: <c>ToString</c> (and string
/// interpolation), structured logging as the host configures Serilog (<c>{X}</c> and <c>{@X}</c> destructuring), and
/// System.Text.Json serialization.
/// </summary>
public sealed class SecretRedactionTests : IDisposable
{
    private const string AccessKey = "AKIAREDACTIONTEST0001";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/redaction-secret";
    private const string SessionToken = "FwoGZXIvYXdzEredaction-session-token";
    private const string OciToken = "eyJhbGciOiJSUzI1NiJ9.redaction-oci-token.sig";
    private const string PassPhrase = "redaction-pass-phrase-7Qz";
    private static readonly RSA Key = RSA.Create(2048);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-redaction-");

    public void Dispose() => _directory.Delete(recursive: true);

    public static TheoryData<string> Holders() => [.. Cases().Keys];

    [Theory]
    [MemberData(nameof(Holders))]
    public void ToString_SecretHolder_ShowsNoSecret(string holder)
    {
        var value = Create(holder);

        AssertNoSecret(value.ToString() ?? string.Empty);
        AssertNoSecret(string.Create(CultureInfo.InvariantCulture, $"{value}"));
    }

    [Theory]
    [MemberData(nameof(Holders))]
    public void HostSerilog_SecretHolderLoggedPlainAndDestructured_ShowsNoSecret(string holder)
    {
        var value = Create(holder);
        var sink = new RenderingSink();
        var configuration = new LoggerConfiguration().WriteTo.Sink(sink);
        SerilogSetup.Configure(configuration, new ConfigurationBuilder().Build(), new LoggingOptions { Path = string.Empty }, consoleToStandardError: false, underSystemd: false, writeToConsole: false, Serilog.Core.Logger.None, out _);
        using (var logger = configuration.CreateLogger())
        {
            logger.Information("plain {Plain} destructured {@Destructured} stringified {$Stringified}", value, value, value);
        }

        Assert.NotEmpty(sink.Text);
        AssertNoSecret(sink.Text);
    }

    [Theory]
    [MemberData(nameof(Holders))]
    public void SystemTextJson_SecretHolderSerialized_ShowsNoSecret(string holder)
    {
        var value = Create(holder);

        AssertNoSecret(JsonSerializer.Serialize(value, value.GetType()));
    }

    private static Dictionary<string, Func<SecretRedactionTests, object>> Cases() => new()
    {
        ["SecretValue"] = _ => new SecretValue(SecretKey),
        ["SecretBundle"] = _ => new SecretBundle("ocid1.vaultsecret.oc1.iad.x", 3, new SecretValue(SecretKey)),
        ["AwsKeyPair"] = _ => Keys(),
        ["RunCredentials (Vault keys)"] = _ => new RunCredentials(new SessionAWSCredentials(AccessKey, SecretKey, SessionToken), Keys()),
        ["RunCredentials (basic keys)"] = _ => new RunCredentials(new BasicAWSCredentials(AccessKey, SecretKey), Keys()),
        ["OciSigningKey (session token)"] = _ => new OciSigningKey("ST$" + OciToken, Key),
        ["SecurityTokenDto"] = _ => JsonSerializer.Deserialize($"{{\"token\": \"{OciToken}\"}}", OciJsonContext.Default.SecurityTokenDto)!,
        ["SecretBundleDto"] = _ => JsonSerializer.Deserialize($"{{\"secretId\": \"x\", \"secretBundleContent\": {{\"contentType\": \"BASE64\", \"content\": \"{SecretKey}\"}}}}", OciJsonContext.Default.SecretBundleDto)!,
        ["OciConfigProfile (pass phrase)"] = t => OciConfigFile.Parse("/cfg", $"[DEFAULT]\nuser=u\ntenancy=t\nfingerprint=f\nkey_file={t.KeyFile()}\npass_phrase={PassPhrase}\n").GetProfile(null),
        ["ApiKeyAuthProvider (pass phrase)"] = t => new ApiKeyAuthProvider(OciConfigFile.Parse("/cfg", $"[DEFAULT]\nuser=u\ntenancy=ocid1.tenancy.oc1..t\nfingerprint=f\nkey_file={t.KeyFile()}\npass_phrase={PassPhrase}\n").GetProfile(null), new OciOptions(), NullLogger.Instance),
        ["SessionTokenAuthProvider (token, pass phrase)"] = t => new SessionTokenAuthProvider(OciConfigFile.Parse("/cfg", $"[DEFAULT]\ntenancy=ocid1.tenancy.oc1..t\nfingerprint=f\nkey_file={t.KeyFile()}\npass_phrase={PassPhrase}\nsecurity_token_file={t.TokenFile()}\n").GetProfile(null), new OciOptions(), NullLogger.Instance),
        ["InstanceIdentity"] = _ => Identity(),
    };

    private static AwsKeyPair Keys() => new(new SecretValue(AccessKey), new SecretValue(SecretKey), new SecretValue(SessionToken));

    private static InstanceIdentity Identity()
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=instance", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        return new InstanceIdentity(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.RawData), RSA.Create(Key.ExportParameters(true)), []);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in (string[])[AccessKey, SecretKey, SessionToken, OciToken, PassPhrase, "redaction"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        foreach (var line in Key.ExportPkcs8PrivateKeyPem().Split('\n').Where(l => l.Length == 64))
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }

        var d = Convert.ToBase64String(Key.ExportParameters(true).D!);
        Assert.DoesNotContain(d[..32], text, StringComparison.Ordinal);
    }

    private object Create(string holder) => Cases()[holder](this);

    private string KeyFile()
    {
        var path = Path.Combine(_directory.FullName, "key.pem");
        File.WriteAllText(path, Key.ExportEncryptedPkcs8PrivateKeyPem(PassPhrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        return path;
    }

    private string TokenFile()
    {
        var path = Path.Combine(_directory.FullName, "token");
        File.WriteAllText(path, OciToken);
        return path;
    }

    private sealed class RenderingSink : ILogEventSink
    {
        private readonly List<string> _lines = [];

        public string Text => string.Join('\n', _lines);

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            new Serilog.Formatting.Json.JsonFormatter(renderMessage: true).Format(logEvent, writer);
            _lines.Add(logEvent.RenderMessage(CultureInfo.InvariantCulture));
            _lines.Add(writer.ToString());
        }
    }
}
