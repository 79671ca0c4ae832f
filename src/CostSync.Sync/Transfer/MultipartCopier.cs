using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Copies a large object as a multipart upload whose parts are filled by parallel ranged GETs (If-Match on the source etag)
/// and uploaded in parallel, each part in a buffer from the shared <see cref="PartBufferPool"/>. Any failure aborts the upload.
/// </summary>
internal sealed class MultipartCopier(SourceReader reader, PartBufferPool pool, TransferSettings settings)
{
    public async Task<DestinationWriteResult> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        var summary = request.Source.Summary;
        var layout = PartLayout.For(summary.Size, settings.PartSizeBytes);
        var upload = await destination.BeginMultipartUploadAsync(request.Key, SourceIdentity.Metadata(summary, request.RunId), cancellationToken);
        try
        {
            var parts = new UploadedPart[layout.PartCount];
            using var whole = summary.IsMultipartMd5 || summary.Md5 is null ? null : Md5Digests.CreateIncremental();
            var turns = new PartTurns(layout.PartCount);
            var next = -1;
            using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var workers = Enumerable.Range(0, Math.Min(settings.MaxConcurrentParts, layout.PartCount))
                .Select(_ => Task.Run(() => WorkAsync(), failFast.Token))
                .ToList();
            await WhenAllFailFast(workers, failFast);

            if (whole is not null)
            {
                var md5 = Convert.ToBase64String(whole.GetHashAndReset());
                if (md5 != summary.Md5)
                {
                    throw new IntegrityException($"The bytes read from {summary.Name} have MD5 {md5}, the source says {summary.Md5}: damaged in transit; not stored.");
                }
            }

            var result = await upload.CompleteAsync(parts, cancellationToken);
            var expected = Md5Digests.MultipartETag([.. parts.Select(p => p.Md5)]);
            if (destination.ETagIsContentMd5 && result.ETag is { } etag && !Md5Digests.SameETag(etag, expected))
            {
                await destination.DeleteObjectAsync(request.Key, CancellationToken.None);
                throw new IntegrityException($"The destination returned ETag {etag} for {request.Key} after completing, expected {expected}; the object was removed.");
            }

            return result;

            async Task WorkAsync()
            {
                while (true)
                {
                    // Rent before claiming a part: every claimed part then holds a buffer, so the part the in-order hash waits for can always finish.
                    using var buffer = await pool.RentAsync(checked((int)layout.PartSize), failFast.Token);
                    var index = Interlocked.Increment(ref next);
                    if (index >= layout.PartCount)
                    {
                        return;
                    }

                    var range = layout.Range(index);
                    var content = buffer.Memory[..checked((int)range.Length)];
                    await ReadPartAsync(request.Source, range, content, failFast.Token);
                    var partMd5 = Md5Digests.Hash(content.Span);
                    if (whole is not null)
                    {
                        await turns.WaitAsync(index, failFast.Token);
                        whole.AppendData(content.Span);
                        turns.Done(index);
                    }

                    var partETag = await upload.UploadPartAsync(index + 1, range.Offset, content, Convert.ToBase64String(partMd5), failFast.Token);
                    if (destination.ETagIsContentMd5 && !Md5Digests.SameETag(partETag, Convert.ToHexStringLower(partMd5)))
                    {
                        throw new IntegrityException($"The destination returned ETag {partETag} for part {index + 1} of {request.Key}, expected its MD5.");
                    }

                    parts[index] = new UploadedPart(index + 1, range.Length, partETag, partMd5);
                    request.BytesUploaded(range.Length);
                }
            }
        }
        catch
        {
            // Never leave a partial upload behind, even when the run is being cancelled.
            await upload.AbortAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads one part, retrying transient read failures (429/5xx, resets, truncated bodies) in place.</summary>
    private async Task ReadPartAsync(SourceObject source, ByteRange range, Memory<byte> content, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await reader.ReadAsync(source, range, content, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < settings.MaxAttempts && TransferFailures.IsRetryable(e) && !cancellationToken.IsCancellationRequested)
            {
                // The next attempt re-reads the whole range into the same buffer.
            }
        }
    }

    private static async Task WhenAllFailFast(List<Task> workers, CancellationTokenSource failFast)
    {
        var pending = workers.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.IsFaulted || done.IsCanceled)
            {
                await failFast.CancelAsync();
                try
                {
                    await Task.WhenAll(pending);
                }
                catch (Exception)
                {
                    // The first failure is the one worth reporting.
                }

                await done;
            }
        }
    }
}
