using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Support;

namespace CostSync.Tests.Sync.Superseded;

/// <summary>The SupersededContract against OpenStack Swift's S3 API on loopback.</summary>
public sealed class S3SupersededContractTests(SwiftS3Fixture swift) : SupersededContract
{
    protected override async Task<DestinationOptions> CreateStoreAsync(CancellationToken cancellationToken) =>
        swift.Options(await swift.CreateBucketAsync(cancellationToken));

    protected override IDestination CreateDestination(DestinationOptions options) =>
        new S3Destination(swift.CreateClient(), options.Bucket!, options, ownsClient: true);
}
