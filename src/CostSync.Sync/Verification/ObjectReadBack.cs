using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Ledger;

namespace CostSync.Sync.Verification;

/// <summary>
/// Reads one archived object back and compares it with its ledger entry: byte count always, the whole-object MD5 when the source had
/// one (single-part sources), the CRC-32C where it was recorded. Streams through the caller's buffer.
/// </summary>
internal static class ObjectReadBack
{
    public static async Task<(VerifiedObject? Read, VerifyProblem? Problem)> CheckAsync(
        IDestination destination,
        LedgerEntry entry,
        bool eTagCompared,
        Memory<byte> buffer,
        Action<long> bytesRead,
        Func<Exception, string> describe,
        CancellationToken cancellationToken)
    {
        var superseded = entry.SupersededFrom is not null;
        long bytes;
        string? md5;
        string? crc32c;
        try
        {
            await using var stream = await destination.OpenReadAsync(entry.Key, cancellationToken);
            if (stream is null)
            {
                return (null, new VerifyProblem(VerifyProblemKind.Missing, entry.Key, "listed, but gone when it was read", superseded ? VerifyFixes.MissingSuperseded : VerifyFixes.MissingReport));
            }

            (bytes, md5, crc32c) = await StreamDigests.HashAsync(stream, entry.Md5 is not null, entry.SourceCrc32c is not null, buffer, bytesRead, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, new VerifyProblem(VerifyProblemKind.Unreadable, entry.Key, $"could not be read back: {describe(e)}", VerifyFixes.Unreadable));
        }

        List<string> compared = ["size"];
        List<string> differences = [];
        if (bytes != entry.Size)
        {
            differences.Add($"{bytes} bytes read, the ledger recorded {entry.Size}");
        }

        if (entry.Md5 is { } recordedMd5)
        {
            compared.Add("MD5");
            if (md5 != recordedMd5)
            {
                differences.Add($"MD5 {md5}, the ledger recorded {recordedMd5}");
            }
        }

        if (entry.SourceCrc32c is { } recordedCrc)
        {
            compared.Add("CRC-32C");
            if (crc32c != recordedCrc)
            {
                differences.Add($"CRC-32C {crc32c}, the ledger recorded {recordedCrc}");
            }
        }

        if (eTagCompared)
        {
            compared.Insert(1, "ETag");
        }

        var read = new VerifiedObject(entry.Key, bytes, string.Join(", ", compared), differences.Count == 0);
        return differences.Count == 0
            ? (read, null)
            : (read, new VerifyProblem(VerifyProblemKind.Changed, entry.Key, $"read back: {string.Join("; ", differences)}", superseded ? VerifyFixes.ChangedSuperseded : VerifyFixes.ChangedSilently));
    }
}
