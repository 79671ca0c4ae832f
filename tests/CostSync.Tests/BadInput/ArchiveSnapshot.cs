using System.Security.Cryptography;
using CostSync.Sync.Destinations;

namespace CostSync.Tests.BadInput;

/// <summary>
/// Everything a destination holds, ledger included: key → size and SHA-256 of the bytes read back. Two snapshots taken around a
/// bad input that are equal prove nothing was lost, changed or half-written. The runs' evidence records (<c>.costsync/runs/</c>)
/// are left out: every run adds its own, a failed one too, and never changes another's.
/// </summary>
internal static class ArchiveSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(IDestination destination, CancellationToken cancellationToken)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var o in destination.ListObjectsAsync(string.Empty, cancellationToken))
        {
            if (o.Key.StartsWith(".costsync/runs/", StringComparison.Ordinal) || o.Key.Contains("/.costsync/runs/", StringComparison.Ordinal))
            {
                continue;
            }

            snapshot[o.Key] = $"{o.Size} bytes, SHA-256 {Convert.ToHexStringLower(await HashAsync(destination, o.Key, cancellationToken))}";
        }

        return snapshot;
    }

    /// <summary>The bytes stored at <paramref name="key"/>, or null when there is no such object.</summary>
    public static async Task<byte[]?> ReadAsync(IDestination destination, string key, CancellationToken cancellationToken)
    {
        await using var stream = await destination.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static async Task<byte[]> HashAsync(IDestination destination, string key, CancellationToken cancellationToken)
    {
        await using var stream = await destination.OpenReadAsync(key, cancellationToken) ?? throw new InvalidOperationException($"{key} vanished while it was read");
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }
}
