using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync;

/// <summary>Aborts incomplete uploads under the prefix older than <c>AbortIncompleteUploadsAfter</c> (left by a crash or kill).</summary>
internal sealed class StaleUploadSweeper(IOptions<DestinationOptions> options, TimeProvider timeProvider, ILogger<StaleUploadSweeper> logger)
{
    public async Task<int> SweepAsync(IDestination destination, string prefix, CancellationToken cancellationToken)
    {
        var maxAge = options.Value.AbortIncompleteUploadsAfter;
        var cutoff = timeProvider.GetUtcNow() - maxAge;
        var aborted = 0;
        try
        {
            var stale = new List<PendingUpload>();
            await foreach (var upload in destination.ListIncompleteUploadsAsync(prefix, cancellationToken))
            {
                if (upload.Initiated is { } initiated && initiated <= cutoff)
                {
                    stale.Add(upload);
                }
            }

            foreach (var upload in stale)
            {
                await destination.AbortIncompleteUploadAsync(upload, cancellationToken);
                Log.StaleUploadAborted(logger, upload.Key, upload.Initiated, maxAge);
                aborted++;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Sweeping is housekeeping: a store without ListMultipartUploads must not stop the copy.
            Log.StaleUploadSweepFailed(logger, prefix, DestinationFailures.Describe(e, options.Value));
        }

        return aborted;
    }
}
