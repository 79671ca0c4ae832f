using Amazon.Runtime;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.FileSystem;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using CostSync.Sync.Telemetry;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Destinations;

/// <summary>Builds an S3 or Directory destination from <see cref="DestinationOptions"/>.</summary>
internal sealed class DestinationFactory(
    IOptions<DestinationOptions> options,
    TimeProvider timeProvider,
    TransferSettings transfer,
    ILogger<S3RequestGate> gateLogger,
    S3TelemetryBridge? telemetry = null) : IDestinationFactory
{
    private readonly DestinationOptions _options = options.Value;

    /// <summary>
    /// The most S3 requests a run has in flight before any throttling: every part of every object at once, plus room for the
    /// ledger's reads and writes (at least <see cref="LedgerSettings.MaxParallelRequests"/> of them).
    /// </summary>
    internal static int MaxConcurrentRequests(TransferSettings transfer) =>
        Math.Max(transfer.MaxConcurrentObjects * transfer.MaxConcurrentParts, new LedgerSettings().MaxParallelRequests) + 2;

    public IDestination Create(AWSCredentials? credentials)
    {
        switch (_options.Kind)
        {
            case DestinationKind.S3:
                if (string.IsNullOrWhiteSpace(_options.Bucket))
                {
                    throw new InvalidOperationException("CostSync:Destination:Bucket is empty; S3 destinations need a bucket name. Set it, or set CostSync:Destination:Kind = Directory with a Path.");
                }

                // A gate per destination, so per run: each run starts at full speed and backs off only when S3 says so.
                var gate = new S3RequestGate(MaxConcurrentRequests(transfer), (status, previous, limit) => Log.S3Throttled(gateLogger, status, limit, previous));
                return new S3Destination(S3ClientBuilder.Build(_options, credentials, new S3HttpClientFactory(gate, gateLogger), telemetry?.TelemetryProvider), _options.Bucket, _options, ownsClient: true, timeProvider);
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
