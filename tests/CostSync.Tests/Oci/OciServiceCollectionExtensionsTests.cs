using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.Notifications;
using CostSync.Oci.ObjectStorage;
using CostSync.Oci.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CostSync.Tests.Oci;

public sealed class OciServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("costsync-oci-di-").FullName;

    [Fact]
    public void AddOciClients_ApiKeyProfile_ResolvesEveryClient()
    {
        using ServiceProvider sut = CreateSut(new Uri("http://127.0.0.1:9/"));

        Assert.NotNull(sut.GetRequiredService<IObjectStorageClient>());
        Assert.NotNull(sut.GetRequiredService<ISecretsClient>());
        Assert.NotNull(sut.GetRequiredService<INotificationClient>());
        Assert.IsType<ApiKeyAuthProvider>(sut.GetRequiredService<IOciAuthProvider>());
    }

    [Fact]
    public async Task GetNamespace_NothingListening_ThrowsOciServiceExceptionNamingTheHost()
    {
        using ServiceProvider sut = CreateSut(new Uri($"http://127.0.0.1:{FreePort()}/"));

        var error = await Assert.ThrowsAsync<OciServiceException>(
            () => sut.GetRequiredService<IObjectStorageClient>().GetNamespaceAsync(TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)0, error.StatusCode);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOciClients_InstanceMetadata_BypassesHttpProxies()
    {
        using ServiceProvider sut = CreateSut(new Uri("http://127.0.0.1:9/"));
        var handlers = sut.GetRequiredService<IHttpMessageHandlerFactory>();

        Assert.False(PrimaryOf(handlers.CreateHandler(OciAuthProviderFactory.MetadataHttpClient)).UseProxy);
        // Federation and the service clients go to the internet and honour HTTPS_PROXY as usual.
        Assert.True(PrimaryOf(handlers.CreateHandler(OciAuthProviderFactory.InstancePrincipalHttpClient)).UseProxy);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SocketsHttpHandler PrimaryOf(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return Assert.IsType<SocketsHttpHandler>(handler);
    }

    private ServiceProvider CreateSut(Uri endpoint)
    {
        using var key = RSA.Create(2048);
        string keyFile = Path.Combine(_directory, "key.pem");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        string config = Path.Combine(_directory, "config");
        File.WriteAllText(config, $"[DEFAULT]\nuser=ocid1.user.oc1..u\ntenancy=ocid1.tenancy.oc1..t\nregion=us-ashburn-1\nfingerprint={KeyFingerprint.Of(key)}\nkey_file={keyFile}\n");
        var services = new ServiceCollection();
        services.Configure<OciOptions>(o =>
        {
            o.Auth = OciAuthMode.ApiKey;
            o.ConfigFile = config;
            o.Endpoints.ObjectStorage = endpoint;
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });
        services.AddOciClients();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
