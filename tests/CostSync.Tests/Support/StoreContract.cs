using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using Xunit;

namespace CostSync.Tests.Support;

/// <summary>
/// Base of the engine contracts that run once per store kind (Swift S3 and a local folder): a fresh store per test, the engine
/// harness pointed at it with prefix <c>archive/oci</c>, and helpers to read bytes and to plant another writer's objects.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected const string Root = "archive/oci/";

    protected SyncHarness Harness { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Harness.DestinationOptions = await CreateStoreAsync(Ct);
        Harness.DestinationOptions.Prefix = "/archive/oci/";
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a fresh, empty store (bucket or folder) and returns options pointing at it.</summary>
    protected abstract Task<DestinationOptions> CreateStoreAsync(CancellationToken cancellationToken);

    /// <summary>A destination on the store, as the factory would build it for a run.</summary>
    protected abstract IDestination CreateDestination(DestinationOptions options);

    protected IDestination Store() => CreateDestination(Harness.DestinationOptions);

    protected static async Task<byte[]?> ReadBytesAsync(IDestination destination, string key)
    {
        await using var stream = await destination.OpenReadAsync(key, Ct);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>Writes an object the way another team's tool would: no <c>costsync-*</c> metadata.</summary>
    protected static Task PutForeignAsync(IDestination destination, string key, byte[] content) =>
        destination.PutObjectAsync(key, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string> { ["owner"] = "finance-team" }, WriteKind.Report, Ct);

    protected static async Task<List<string>> KeysAsync(IDestination destination, string prefix)
    {
        var keys = new List<string>();
        await foreach (var o in destination.ListObjectsAsync(prefix, Ct))
        {
            keys.Add(o.Key);
        }

        return keys;
    }
}
