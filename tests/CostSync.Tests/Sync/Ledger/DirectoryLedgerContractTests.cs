using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.FileSystem;

namespace CostSync.Tests.Sync.Ledger;

/// <summary>The LedgerContract against a local folder.</summary>
public sealed class DirectoryLedgerContractTests : LedgerContract
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
