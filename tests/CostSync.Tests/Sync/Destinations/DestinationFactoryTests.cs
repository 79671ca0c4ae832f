using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Sync.Destinations;

public sealed class DestinationFactoryTests
{
    [Fact]
    public void Create_S3WithoutBucket_NamesTheKey()
    {
        var sut = CreateSut(new DestinationOptions { Kind = DestinationKind.S3 });

        var error = Assert.Throws<InvalidOperationException>(() => sut.Create(null));

        Assert.Contains("CostSync:Destination:Bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DirectoryWithoutPath_NamesTheKey()
    {
        var sut = CreateSut(new DestinationOptions { Kind = DestinationKind.Directory });

        var error = Assert.Throws<InvalidOperationException>(() => sut.Create(null));

        Assert.Contains("CostSync:Destination:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EachKind_BuildsThatDestination()
    {
        await using var s3 = CreateSut(new DestinationOptions { Bucket = "reports", ServiceUrl = new Uri("http://127.0.0.1:1"), ForcePathStyle = true }).Create(new Amazon.Runtime.BasicAWSCredentials("a", "b"));
        await using var folder = CreateSut(new DestinationOptions { Kind = DestinationKind.Directory, Path = "/tmp/costsync-x" }).Create(null);

        Assert.Equal("s3://reports", Assert.IsType<S3Destination>(s3).Description);
        Assert.Equal("/tmp/costsync-x", Assert.IsType<DirectoryDestination>(folder).Description);
    }

    [Fact]
    public void MaxConcurrentRequests_EveryPartOfEveryObjectAndTheLedgerFit()
    {
        Assert.Equal((16 * 4) + 2, DestinationFactory.MaxConcurrentRequests(TransferSettings.From(new TransferOptions())));
        Assert.Equal(8 + 2, DestinationFactory.MaxConcurrentRequests(TransferSettings.From(new TransferOptions { MaxConcurrentObjects = 1, MaxConcurrentParts = 2 })));
    }

    private static DestinationFactory CreateSut(DestinationOptions options) =>
        new(Options.Create(options), TimeProvider.System, TransferSettings.From(new TransferOptions()), NullLogger<S3RequestGate>.Instance);
}
