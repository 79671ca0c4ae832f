using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Support;

namespace CostSync.Tests.Sync.Planning;

/// <summary>The OwnershipContract against OpenStack Swift's S3 API on loopback.</summary>
public sealed class S3OwnershipContractTests(SwiftS3Fixture swift) : OwnershipContract
{
    protected override async Task<DestinationOptions> CreateStoreAsync(CancellationToken cancellationToken) =>
        swift.Options(await swift.CreateBucketAsync(cancellationToken));

    protected override IDestination CreateDestination(DestinationOptions options) =>
        new S3Destination(swift.CreateClient(), options.Bucket!, options, ownsClient: true);
}
