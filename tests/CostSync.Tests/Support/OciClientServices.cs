using CostSync.Oci;
using CostSync.OciEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace CostSync.Tests.Support;

/// <summary>
/// A service provider with the real <c>AddOciClients()</c> pointed at an in-process <see cref="OciEmulatorServer"/>
/// (every endpoint override = the emulator), for any auth mode. Retries have no backoff delay so tests stay fast.
/// </summary>
internal static class OciClientServices
{
    /// <param name="emulator">The running emulator.</param>
    /// <param name="auth">The auth mode; ApiKey and SecurityToken get a config file the emulator writes into <paramref name="directory"/>.</param>
    /// <param name="directory">A fresh directory for config and key files.</param>
    /// <param name="time">The clock shared with the emulator (e.g. a FakeTimeProvider); the system clock when null.</param>
    /// <param name="configure">Further option changes.</param>
    /// <param name="services">Further registrations (e.g. fake logging).</param>
    /// <param name="wire">Records every HTTP attempt of every OCI client (exact counts, unlike a server-side log).</param>
    public static ServiceProvider Create(
        OciEmulatorServer emulator,
        OciAuthMode auth,
        string directory,
        TimeProvider? time = null,
        Action<OciOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        OciWireLog? wire = null)
    {
        string? configFile = auth switch
        {
            OciAuthMode.ApiKey => emulator.WriteApiKeyConfig(directory),
            OciAuthMode.SecurityToken => emulator.WriteSessionTokenConfig(directory),
            _ => null,
        };
        var collection = new ServiceCollection();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.Configure<OciOptions>(o =>
        {
            o.Auth = auth;
            o.ConfigFile = configFile;
            o.Endpoints.ObjectStorage = emulator.BaseUri;
            o.Endpoints.Secrets = emulator.BaseUri;
            o.Endpoints.Notifications = emulator.BaseUri;
            o.Endpoints.Auth = emulator.BaseUri;
            o.Endpoints.TelemetryIngestion = emulator.BaseUri;
            o.Endpoints.Metadata = emulator.MetadataUri;
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        collection.AddOciClients();
        if (wire is not null)
        {
            collection.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(wire.CreateHandler())));
        }

        return collection.BuildServiceProvider(validateScopes: true);
    }
}
