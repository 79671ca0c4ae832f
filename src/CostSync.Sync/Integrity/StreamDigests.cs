using System.IO.Hashing;

namespace CostSync.Sync.Integrity;

/// <summary>Hashes a stream while reading it through one caller-owned buffer, so memory stays bounded whatever the object's size.</summary>
internal static class StreamDigests
{
    /// <summary>Reads <paramref name="stream"/> to its end; the MD5 and CRC-32C (wire forms) only when asked for.</summary>
    public static async Task<(long Bytes, string? Md5, string? Crc32c)> HashAsync(Stream stream, bool md5, bool crc32c, Memory<byte> buffer, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        using var md5Hash = md5 ? Md5Digests.CreateIncremental() : null;
        var crc = crc32c ? new Crc32(Crc32ParameterSet.Crc32C) : null;
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.Span[..n];
            md5Hash?.AppendData(chunk);
            crc?.Append(chunk);
            total += n;
            bytesRead?.Invoke(n);
        }

        return (total, md5Hash is null ? null : Convert.ToBase64String(md5Hash.GetHashAndReset()), crc is null ? null : Crc32CDigests.ToBase64(crc.GetCurrentHashAsUInt32()));
    }
}
