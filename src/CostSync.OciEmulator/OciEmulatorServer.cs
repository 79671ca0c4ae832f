using System.Security.Cryptography;
using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Hosting;
using CostSync.OciEmulator.Identity;
using CostSync.OciEmulator.Monitoring;
using CostSync.OciEmulator.Notifications;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.OciEmulator.Requests;
using CostSync.OciEmulator.Secrets;
using CostSync.OciEmulator.Signing;
using CostSync.OciEmulator.Tree;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CostSync.OciEmulator;

/// <summary>
/// An in-process OCI emulator on one port: Object Storage (<c>/n/…</c>), Secrets (<c>/20190301/…</c>), ONS (<c>/20181201/…</c>),
/// Monitoring ingestion (<c>/20180401/metrics</c>),
/// federation (<c>/v1/x509</c>) and IMDS v2 (<c>/opc/v2/…</c>). Every service request must be correctly signed.
/// </summary>
internal sealed class OciEmulatorServer : IAsyncDisposable
{
    private readonly OciEmulatorOptions _options;
    private readonly ApiKeyRegistry _apiKeys = new();
    private readonly TokenIssuer _tokens;
    private readonly Lazy<CertificateAuthority> _authority;
    private WebApplication? _app;

    private OciEmulatorServer(OciEmulatorOptions options)
    {
        _options = options;
        TenancyId = OciIdentifiers.New("tenancy");
        string code = RegionCodes.ShortCode(options.Region);
        string instanceId = OciIdentifiers.New("instance", code);
        string compartmentId = OciIdentifiers.New("compartment");
        _tokens = new TokenIssuer(options.TimeProvider, TenancyId, options.TokenLifetime) { Issued = Issued };
        _authority = new Lazy<CertificateAuthority>(() => new CertificateAuthority(options.TimeProvider, TenancyId, instanceId, compartmentId), LazyThreadSafetyMode.ExecutionAndPublication);
        Objects = new EmulatorStore(options.TimeProvider);
        Secrets = new EmulatorSecrets(options.TimeProvider, Issued);
        Faults = new FaultInjector(_tokens, _authority);
        BlingTreeGenerator.Generate(Objects, options.Tree, TenancyId, options.TimeProvider.GetUtcNow());
    }

    /// <summary>Base address with a trailing slash; every service is served under it.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>IMDS v2 base: <see cref="BaseUri"/> + <c>opc/v2/</c>.</summary>
    public Uri MetadataUri => new(BaseUri, "opc/v2/");

    /// <summary>The tenancy OCID; also the bling bucket name.</summary>
    public string TenancyId { get; }

    public string Region => _options.Region;

    /// <summary>Namespace <c>bling</c>, bucket <see cref="TenancyId"/>.</summary>
    public EmulatorStore Objects { get; }

    public EmulatorSecrets Secrets { get; }

    public EmulatorNotifications Notifications { get; } = new();

    /// <summary>Custom metrics accepted by PostMetricData.</summary>
    public EmulatorMonitoring Monitoring { get; } = new();

    public RequestLog Requests { get; } = new();

    public FaultInjector Faults { get; }

    /// <summary>Every secret handed out or received (keys, tokens, signatures, Vault contents), for tests that prove none leaks.</summary>
    public IssuedSecrets Issued { get; } = new();

    public static async Task<OciEmulatorServer> StartAsync(OciEmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = new OciEmulatorServer(options);
        await server.StartCoreAsync(cancellationToken);
        return server;
    }

    /// <summary>Writes an API-key OCI config (+ PEM key) for a new user the emulator trusts; returns the config file path.
    /// The key is a process-wide test key per profile name (key generation is slow); the user OCID is new each time.</summary>
    public string WriteApiKeyConfig(string directory, string profile = "DEFAULT")
    {
        using RSA key = SharedKeys.Get($"api-key-{profile}");
        string userId = OciIdentifiers.New("user");
        _apiKeys.Register(TenancyId, userId, key);
        string pem = key.ExportPkcs8PrivateKeyPem();
        Issued.Add(pem, "API private key");
        return ConfigFileWriter.Write(directory, profile, pem,
        [
            new("user", userId),
            new("fingerprint", KeyFingerprint.ForPublicKey(key)),
            new("tenancy", TenancyId),
            new("region", Region),
        ]);
    }

    /// <summary>Writes a session-token OCI config: <c>security_token_file</c> (a token minted for a fresh session key) + <c>key_file</c>.</summary>
    public string WriteSessionTokenConfig(string directory, string profile = "DEFAULT")
    {
        using RSA key = SharedKeys.Get($"session-key-{profile}");
        string token = _tokens.Issue(OciIdentifiers.New("user"), PrincipalKind.SessionToken, key.ExportSubjectPublicKeyInfo());
        string pem = key.ExportPkcs8PrivateKeyPem();
        Issued.Add(pem, "session private key");
        return ConfigFileWriter.Write(directory, profile, pem,
        [
            new("fingerprint", KeyFingerprint.ForPublicKey(key)),
            new("tenancy", TenancyId),
            new("region", Region),
        ], token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _tokens.Dispose();
        if (_authority.IsValueCreated)
        {
            _authority.Value.Dispose();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(_options.Url);
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.Services.AddLogging(logging =>
        {
            if (_options.Logging)
            {
                logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }
        });
        _app = builder.Build();
        RequestPipeline pipeline = BuildPipeline(_app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CostSync.OciEmulator"));
        _app.Run(pipeline.HandleAsync);
        await _app.StartAsync(cancellationToken);
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
    }

    private RequestPipeline BuildPipeline(ILogger logger)
    {
        TimeProvider time = _options.TimeProvider;
        var buckets = new BucketResolver(TenancyId);
        var handlers = new OperationHandlers(
            new NamespaceHandler(_options.NamespaceName),
            new ListObjectsHandler(Objects, buckets),
            new ObjectHandler(Objects, buckets, new ObjectBodyWriter(Faults), Faults),
            new SecretsHandler(Secrets),
            new NotificationsHandler(Notifications, time),
            new MetricsHandler(Monitoring, time),
            new MetadataHandler(_authority, Region, Issued),
            new FederationHandler(_authority, _tokens));
        var verifier = new SignatureVerifier(new SigningKeyResolver(_apiKeys, _tokens, _authority, TenancyId), time, _options.MaxClockSkew);
        return new RequestPipeline(verifier, Faults, handlers, Requests, Issued, time, logger);
    }
}
