using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.FileSystem;

namespace CostSync.Tests.Sync.Planning;

/// <summary>The OwnershipContract against a local folder.</summary>
public sealed class DirectoryOwnershipContractTests : OwnershipContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "costsync-dir-" + Guid.NewGuid().ToString("N")[..8]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override Task<DestinationOptions> CreateStoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DestinationOptions { Kind = DestinationKind.Directory, Path = _root });

    protected override IDestination CreateDestination(DestinationOptions options) =>
        new DirectoryDestination(options.Path!, options.OverwriteProtection, Harness.Time);
}
