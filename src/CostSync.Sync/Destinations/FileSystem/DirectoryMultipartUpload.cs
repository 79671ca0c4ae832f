using System.Collections.Concurrent;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>A "multipart upload" into one temp file: parts are written at their offsets, then the file is renamed into place.</summary>
internal sealed class DirectoryMultipartUpload(DirectoryDestination destination, string key, string uploadId, IReadOnlyDictionary<string, string> metadata) : IMultipartUpload
{
    private readonly ConcurrentDictionary<int, (long Offset, long Length, byte[] Md5, uint Crc32c)> _parts = new();

    public string Key => key;

    public string UploadId => uploadId;

    public async Task<PartWriteResult> UploadPartAsync(int partNumber, long offset, ReadOnlyMemory<byte> content, ContentDigests digests, CancellationToken cancellationToken)
    {
        var (md5, crc) = DirectoryDestination.CheckDigests(key, content.Span, digests);
        using (var handle = File.OpenHandle(destination.TempPath(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, FileOptions.Asynchronous))
        {
            await RandomAccess.WriteAsync(handle, content, offset, cancellationToken);
        }

        _parts[partNumber] = (offset, content.Length, md5, crc);
        return new PartWriteResult(Convert.ToHexStringLower(md5)) { ETagIsMd5 = true, Crc32c = Crc32CDigests.ToBase64(crc) };
    }

    public async Task<DestinationWriteResult> CompleteAsync(IReadOnlyList<UploadedPart> parts, string? crc32c, CancellationToken cancellationToken)
    {
        var ordered = parts.OrderBy(p => p.PartNumber).ToList();
        long expectedOffset = 0;
        var md5s = new List<byte[]>(ordered.Count);
        var whole = Crc32CDigests.Hash(ReadOnlySpan<byte>.Empty);
        foreach (var part in ordered)
        {
            // Use what this destination wrote and hashed itself, not what the caller claims.
            if (!_parts.TryGetValue(part.PartNumber, out var written) || written.Offset != expectedOffset || written.Length != part.Length)
            {
                throw new DestinationRejectedException($"Refused to complete {key}: part {part.PartNumber} is missing or does not follow the previous part.");
            }

            md5s.Add(written.Md5);
            whole = Crc32CDigests.Combine(whole, written.Crc32c, written.Length);
            expectedOffset += written.Length;
        }

        if (crc32c is not null && !string.Equals(Crc32CDigests.ToBase64(whole), crc32c, StringComparison.Ordinal))
        {
            throw new DestinationRejectedException($"Refused to complete {key}: the full-object CRC-32C {crc32c} does not match the parts written ({Crc32CDigests.ToBase64(whole)}); nothing was stored.") { IsDigestMismatch = true };
        }

        await TruncateAsync(expectedOffset, cancellationToken);
        var result = await destination.PublishAsync(key, uploadId, Md5Digests.MultipartETag(md5s), metadata, replaceable: false, cancellationToken);
        return result with { Crc32c = Crc32CDigests.ToBase64(whole) };
    }

    public Task AbortAsync(CancellationToken cancellationToken)
    {
        destination.DeleteTemp(uploadId);
        return Task.CompletedTask;
    }

    /// <summary>Completes an upload of exactly one part as a plain object (ETag = hex MD5, as S3 PutObject).</summary>
    internal async Task<DestinationWriteResult> CompleteSingleAsync(bool replaceable, CancellationToken cancellationToken)
    {
        var (_, length, md5, crc) = _parts[1];
        await TruncateAsync(length, cancellationToken);
        var result = await destination.PublishAsync(key, uploadId, Convert.ToHexStringLower(md5), metadata, replaceable, cancellationToken);
        return result with { Crc32c = Crc32CDigests.ToBase64(crc) };
    }

    private Task TruncateAsync(long length, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var handle = File.OpenHandle(destination.TempPath(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.SetLength(handle, length);
        RandomAccess.FlushToDisk(handle);
        return Task.CompletedTask;
    }
}
