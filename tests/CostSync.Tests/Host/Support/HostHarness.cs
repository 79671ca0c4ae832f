using CostSync.Oci.Notifications;
using CostSync.Oci.Secrets;
using CostSync.Sync;
using CostSync.Sync.Destinations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CostSync.Tests.Host.Support;

/// <summary>The host's services with fakes at the edges: engine, destination factory, Vault, ONS, clock and a log collector.</summary>
internal sealed class HostHarness : IDisposable
{
    public const string SecretJsonId = "ocid1.vaultsecret.oc1.iad.keys";
    public const string TopicId = "ocid1.onstopic.oc1.iad.alerts";
    private readonly TempDirectory _state = new();
    private ServiceProvider? _services;

    public HostHarness()
    {
        Secrets.Set(SecretJsonId, Keys("AKIAFIRSTKEY", "first/secret+value"));
    }

    public SignallingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero));

    public FakeSyncEngine Engine { get; } = new();

    public FakeDestinationFactory Destinations { get; } = new();

    public FakeSecretsClient Secrets { get; } = new();

    public CollectingNotificationClient Notifications { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new();

    public string StateDirectory => _state.Path;

    public IServiceProvider Services => _services ??= Build();

    /// <summary>Completed runs, in order (subscribed when the services are built).</summary>
    public System.Threading.Channels.Channel<CostSync.Hosting.RunOutcome> Completions { get; } = System.Threading.Channels.Channel.CreateUnbounded<CostSync.Hosting.RunOutcome>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static string Keys(string accessKeyId, string secretKey) =>
        $"{{ \"accessKeyId\": \"{accessKeyId}\", \"secretAccessKey\": \"{secretKey}\" }}\n";

    public void Dispose()
    {
        _services?.Dispose();
        _state.Dispose();
    }

    private ServiceProvider Build()
    {
        var settings = TestSettings.Valid(_state.Path).With("CostSync:Alerts:TopicId", TopicId);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddCostSync(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ISyncEngine>(Engine)
            .AddSingleton<IDestinationFactory>(Destinations)
            .AddSingleton<ISecretsClient>(Secrets)
            .AddSingleton<INotificationClient>(Notifications)
            .AddSingleton<CostSync.Hosting.SyncWorker>();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<CostSync.Hosting.RunCoordinator>().Completed += outcome => Completions.Writer.TryWrite(outcome);
        return provider;
    }
}
