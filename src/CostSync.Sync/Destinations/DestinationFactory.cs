using Amazon.Runtime;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Telemetry;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Destinations;

/// <summary>Builds an S3 or Directory destination from <see cref="DestinationOptions"/>.</summary>
internal sealed class DestinationFactory(IOptions<DestinationOptions> options, TimeProvider timeProvider, S3TelemetryBridge? telemetry = null) : IDestinationFactory
{
    private readonly DestinationOptions _options = options.Value;

    public IDestination Create(AWSCredentials? credentials)
    {
        switch (_options.Kind)
        {
            case DestinationKind.S3:
                if (string.IsNullOrWhiteSpace(_options.Bucket))
                {
                    throw new InvalidOperationException("CostSync:Destination:Bucket is empty; S3 destinations need a bucket name. Set it, or set CostSync:Destination:Kind = Directory with a Path.");
                }

                return new S3Destination(S3ClientBuilder.Build(_options, credentials, telemetry: telemetry?.TelemetryProvider), _options.Bucket, _options, ownsClient: true, timeProvider);
            case DestinationKind.Directory:
                if (string.IsNullOrWhiteSpace(_options.Path))
                {
                    throw new InvalidOperationException("CostSync:Destination:Path is empty; Directory destinations need a folder. Set it, e.g. /srv/cost-reports.");
                }

                return new DirectoryDestination(_options.Path, _options.OverwriteProtection, timeProvider);
            default:
                throw new InvalidOperationException($"CostSync:Destination:Kind = {_options.Kind} is not supported; use S3 or Directory.");
        }
    }
}
