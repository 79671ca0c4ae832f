using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Validation;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Copies a large object as a multipart upload whose parts are filled by parallel ranged GETs (If-Match on the source etag)
/// and uploaded in parallel, each part in a buffer from the shared <see cref="PartBufferPool"/>. The whole object's CRC-32C (the
/// parts' values combined) is checked against OCI's before completing (and its MD5 too, when OCI sent no CRC-32C); any failure
/// aborts the upload, so nothing is visible. Retrying is the caller's job (one pipeline per object): a failed part fails the attempt.
/// </summary>
internal sealed class MultipartCopier(SourceReader reader, PartBufferPool pool, TransferSettings settings, ReportValidation validation)
{
    public async Task<CopiedObject> CopyAsync(IDestination destination, CopyRequest request, CancellationToken cancellationToken)
    {
        var summary = request.Source.Summary;
        var layout = PartLayout.For(summary.Size, settings.PartSizeBytes);
        PartBudget.EnsureFits(summary.Name, layout, settings.PartSizeBytes, pool.BudgetBytes);

        // OCI's CRC-32C of the whole object (also of multipart-uploaded ones), from the version every range is pinned to.
        var ociCrc32c = (await reader.HeadAsync(request.Source, cancellationToken)).OpcContentCrc32c;
        var upload = await destination.BeginMultipartUploadAsync(request.Key, SourceIdentity.Metadata(summary, request.RunId, ociCrc32c), cancellationToken);
        try
        {
            var parts = new (UploadedPart Part, PartWriteResult Answer)[layout.PartCount];
            var partCrcs = new uint[layout.PartCount];
            // OCI's whole-object CRC-32C proves the bytes read, so each byte is MD5-hashed once (its part's Content-MD5); only
            // without that CRC-32C (objects older than OCI's CRC-32C) is the whole-object MD5 computed too, in order.
            using var wholeMd5 = ociCrc32c is not null || summary.IsMultipartMd5 || summary.Md5 is null ? null : Md5Digests.CreateIncremental();
            var validator = validation.Begin(summary.Name);
            var turns = new PartTurns(layout.PartCount);
            var next = -1;
            using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var workers = Enumerable.Range(0, Math.Min(settings.MaxConcurrentParts, layout.PartCount))
                .Select(_ => Task.Run(() => WorkAsync(), failFast.Token))
                .ToList();
            await WhenAllFailFast(workers, failFast);

            if (wholeMd5 is not null)
            {
                var md5 = Convert.ToBase64String(wholeMd5.GetHashAndReset());
                if (md5 != summary.Md5)
                {
                    throw new IntegrityException($"The bytes read from {summary.Name} have MD5 {md5}, the source says {summary.Md5}: damaged in transit; not stored.");
                }
            }

            // Each byte was CRC'd once, in its part; the parts' values combine in order into the whole object's.
            var crc = 0u;
            for (var i = 0; i < parts.Length; i++)
            {
                crc = Crc32CDigests.Combine(crc, partCrcs[i], parts[i].Part.Length);
            }

            var crc32c = Crc32CDigests.ToBase64(crc);
            if (ociCrc32c is not null && ociCrc32c != crc32c)
            {
                throw new IntegrityException($"The bytes read from {summary.Name} have CRC-32C {crc32c}, OCI stored {ociCrc32c}: damaged in transit; not stored.");
            }

            var checkedContent = validator?.Complete();
            var written = await upload.CompleteAsync([.. parts.Select(p => p.Part)], crc32c, cancellationToken);
            return new CopiedObject(written, crc32c, Verified(summary, ociCrc32c, layout.PartCount), WriteDoubts.Multipart(request.Key, written, parts, crc32c), VouchedChecks.Multipart(summary, ociCrc32c, wholeMd5 is not null, written, parts, crc32c)) { Content = checkedContent };

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
                    await reader.ReadAsync(request.Source, range, content, failFast.Token);
                    var partMd5 = Md5Digests.Hash(content.Span);
                    var partCrc = Crc32CDigests.Hash(content.Span);
                    if (wholeMd5 is not null || validator is { NeedsMoreBytes: true })
                    {
                        // In the object's order, each part read in place: the whole-object MD5 and the report's validation.
                        await turns.WaitAsync(index, failFast.Token);
                        wholeMd5?.AppendData(content.Span);
                        validator?.Append(content);
                        turns.Done(index);
                    }
                    else
                    {
                        // Nothing left to do in order (no whole-object MD5, the validator has its verdict): let later parts pass.
                        turns.Done(index);
                    }

                    var partCrc32c = Crc32CDigests.ToBase64(partCrc);
                    var answer = await upload.UploadPartAsync(index + 1, range.Offset, content, new ContentDigests(Convert.ToBase64String(partMd5), partCrc32c), failFast.Token);
                    parts[index] = (new UploadedPart(index + 1, range.Length, answer.ETag, partMd5) { Crc32c = partCrc32c }, answer);
                    partCrcs[index] = partCrc;
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

    private static string Verified(ObjectSummary summary, string? ociCrc32c, int partCount)
    {
        var md5 = summary.IsMultipartMd5 || summary.Md5 is null
            ? "no whole-object MD5 (multipart-uploaded source)"
            : ociCrc32c is null ? "MD5 matches the listing" : "whole-object MD5 not recomputed (OCI's CRC-32C covers every byte)";
        var crc = ociCrc32c is null
            ? "no CRC-32C check (OCI sent no opc-content-crc32c)"
            : "CRC-32C of the whole object matches OCI's opc-content-crc32c";
        return $"{md5}; {crc}; {partCount} parts, each range's Content-Range, size and byte count";
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
