using CostSync.Sync.Destinations;

namespace CostSync.Sync.Transfer;

/// <summary>Copies one object (single PutObject or multipart by size) through the object's retry pipeline.</summary>
internal sealed class ObjectCopier(SinglePartCopier single, MultipartCopier multipart, CopyRetries retries, TransferSettings settings)
{
    public Task<CopiedObject> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken) =>
        retries.ExecuteAsync(request.Source.Summary.Name, token => AttemptAsync(destination, request, token), cancellationToken, request.Retrying);

    private async Task<CopiedObject> AttemptAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        long uploaded = 0;
        var attempt = request with { BytesUploaded = n => { Interlocked.Add(ref uploaded, n); request.BytesUploaded(n); } };
        try
        {
            return request.Source.Summary.Size >= settings.MultipartThresholdBytes
                ? await multipart.CopyAsync(destination, attempt, cancellationToken)
                : await single.CopyAsync(destination, attempt, cancellationToken);
        }
        catch
        {
            // Progress counted the failed attempt's bytes; take them back so totals stay honest.
            request.BytesUploaded(-Interlocked.Read(ref uploaded));
            throw;
        }
    }
}
