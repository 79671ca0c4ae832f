using System.Text;
using System.Text.Json;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;

namespace CostSync.Tests.Support;

/// <summary>Reads the ledger the way an auditor would: every line of every object under <c>.costsync/ledger/</c> and the legacy <c>ledger.jsonl</c>.</summary>
internal static class LedgerContents
{
    /// <summary>Keys of the ledger objects (segments, snapshots, legacy) under <paramref name="listPrefix"/>.</summary>
    public static async Task<List<string>> KeysAsync(IDestination destination, string listPrefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var o in destination.ListObjectsAsync(listPrefix + ".costsync/", cancellationToken))
        {
            if (o.Key == listPrefix + ".costsync/ledger.jsonl" || o.Key.StartsWith(listPrefix + ".costsync/ledger/", StringComparison.Ordinal))
            {
                keys.Add(o.Key);
            }
        }

        return keys;
    }

    /// <summary>Every entry line (snapshot header lines excluded), in key then line order; the same entry may appear in a segment and a snapshot.</summary>
    public static async Task<List<LedgerEntry>> EntriesAsync(IDestination destination, string listPrefix, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        foreach (var key in await KeysAsync(destination, listPrefix, cancellationToken))
        {
            foreach (var line in await LinesAsync(destination, key, cancellationToken))
            {
                if (!line.StartsWith("{\"snapshot\"", StringComparison.Ordinal))
                {
                    entries.Add(JsonSerializer.Deserialize(line, LedgerJsonContext.Default.LedgerEntry)!);
                }
            }
        }

        return entries;
    }

    /// <summary>The destination keys that have at least one non-deletion entry.</summary>
    public static async Task<HashSet<string>> RecordedKeysAsync(IDestination destination, string listPrefix, CancellationToken cancellationToken) =>
        (await EntriesAsync(destination, listPrefix, cancellationToken)).Where(e => e.Deleted != true).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    public static async Task<List<string>> LinesAsync(IDestination destination, string key, CancellationToken cancellationToken)
    {
        await using var stream = await destination.OpenReadAsync(key, cancellationToken) ?? throw new InvalidOperationException($"{key} vanished");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
