using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Transfer;

/// <summary>Copies one object (single PutObject or multipart by size), retrying retryable failures up to <c>MaxAttempts</c>.</summary>
internal sealed class ObjectCopier(SinglePartCopier single, MultipartCopier multipart, TransferSettings settings, ILogger<ObjectCopier> logger)
{
    public async Task<DestinationWriteResult> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        var name = request.Source.Summary.Name;
        for (var attempt = 1; ; attempt++)
        {
            long uploaded = 0;
            var attemptRequest = request with { BytesUploaded = n => { Interlocked.Add(ref uploaded, n); request.BytesUploaded(n); } };
            try
            {
                return request.Source.Summary.Size >= settings.MultipartThresholdBytes
                    ? await multipart.CopyAsync(destination, attemptRequest, cancellationToken)
                    : await single.CopyAsync(destination, attemptRequest, cancellationToken);
            }
            catch (Exception e) when (attempt < settings.MaxAttempts && TransferFailures.IsRetryable(e) && !cancellationToken.IsCancellationRequested)
            {
                // Progress counted bytes of the failed attempt; take them back so totals stay honest.
                request.BytesUploaded(-Interlocked.Read(ref uploaded));
                Log.CopyAttemptFailed(logger, name, attempt, settings.MaxAttempts, e.Message);
            }
            catch (Exception)
            {
                request.BytesUploaded(-Interlocked.Read(ref uploaded));
                throw;
            }
        }
    }
}
