using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Support;

/// <summary>An in-process emulator on 127.0.0.1:0 with a fake clock and an API-key client; one per test class.</summary>
public sealed class OciEmulatorFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "costsync-tests", Guid.NewGuid().ToString("N"));
    private TestOciCredentials? _credentials;

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    internal OciEmulatorServer Server { get; private set; } = null!;

    internal SignedOciClient Client { get; private set; } = null!;

    internal string ConfigPath { get; private set; } = null!;

    internal string Directory => _directory;

    /// <summary>The bling bucket's path prefix: <c>n/bling/b/{tenancy}/o</c>.</summary>
    internal string BucketPath => $"n/bling/b/{Server.TenancyId}/o";

    public async ValueTask InitializeAsync()
    {
        Server = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { TimeProvider = Time, Tree = BlingTreeOptions.Default }, TestContext.Current.CancellationToken);
        ConfigPath = Server.WriteApiKeyConfig(_directory);
        _credentials = TestOciCredentials.Load(ConfigPath);
        Client = new SignedOciClient(Server.BaseUri, _credentials.KeyId, _credentials.Key, Time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _credentials?.Dispose();
        await Server.DisposeAsync();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
