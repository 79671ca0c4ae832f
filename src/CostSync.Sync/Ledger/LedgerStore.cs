using System.Globalization;
using System.Text;
using System.Text.Json;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>
/// Reads and writes the ledger, one JSON object per line at <see cref="KeyLayout.LedgerKey"/>. A run reads it once and, only
/// when something changed, writes old content plus new lines back with one PutObject (atomic on S3 and Directory).
/// </summary>
internal sealed class LedgerStore(ILogger<LedgerStore> logger)
{
    public async Task<LedgerSnapshot> ReadAsync(IDestination destination, KeyLayout layout, IReadOnlyList<DestinationObject> objects, CancellationToken cancellationToken)
    {
        await using var stream = await destination.OpenReadAsync(layout.LedgerKey, cancellationToken);
        if (stream is null)
        {
            return objects.Count == 0 ? LedgerSnapshot.Empty : await RebuildAsync(destination, layout, objects, cancellationToken);
        }

        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        var content = memory.ToArray();
        var latest = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, LedgerJsonContext.Default.LedgerEntry) is { } entry)
                {
                    latest[entry.Key] = entry;
                }
            }
            catch (JsonException)
            {
                Log.LedgerLineUnreadable(logger, layout.LedgerKey, lineNumber);
            }
        }

        foreach (var deleted in latest.Where(e => e.Value.Deleted == true).Select(e => e.Key).ToList())
        {
            latest.Remove(deleted);
        }

        return new LedgerSnapshot(content, latest, []);
    }

    public async Task WriteAsync(IDestination destination, KeyLayout layout, LedgerSnapshot snapshot, IReadOnlyCollection<LedgerEntry> added, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var entry in snapshot.Rebuilt.Concat(added))
        {
            lines.Append(JsonSerializer.Serialize(entry, LedgerJsonContext.Default.LedgerEntry)).Append('\n');
        }

        var separator = snapshot.Content.Length > 0 && snapshot.Content[^1] != (byte)'\n' ? "\n" : string.Empty;
        var content = snapshot.Content.Concat(Encoding.UTF8.GetBytes(separator + lines)).ToArray();
        await destination.PutObjectAsync(layout.LedgerKey, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string>(), WriteKind.Internal, cancellationToken);
        Log.LedgerWritten(logger, layout.LedgerKey, snapshot.Rebuilt.Count + added.Count);
    }

    private async Task<LedgerSnapshot> RebuildAsync(IDestination destination, KeyLayout layout, IReadOnlyList<DestinationObject> objects, CancellationToken cancellationToken)
    {
        Log.LedgerMissing(logger, layout.LedgerKey, objects.Count);
        var latest = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (layout.NameOf(o.Key) is not { } name
                || await destination.HeadObjectAsync(o.Key, cancellationToken) is not { } details
                || FromMetadata(name, details) is not { } entry)
            {
                continue;
            }

            latest[o.Key] = entry;
        }

        return new LedgerSnapshot([], latest, [.. latest.Values]);
    }

    private static LedgerEntry? FromMetadata(string name, DestinationObjectDetails details)
    {
        var m = details.Metadata;
        if (!m.TryGetValue(ObjectMetadataNames.SourceSize, out var sizeText) || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return null; // not written by CostSync
        }

        DateTimeOffset? created = m.TryGetValue(ObjectMetadataNames.SourceTimeCreated, out var t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return new LedgerEntry(
            name,
            size,
            m.GetValueOrDefault(ObjectMetadataNames.SourceMd5),
            m.GetValueOrDefault(ObjectMetadataNames.SourceMultipartMd5),
            m.GetValueOrDefault(ObjectMetadataNames.SourceETag),
            created,
            details.Key,
            details.ETag,
            details.VersionId,
            details.LastModified ?? DateTimeOffset.MinValue,
            "rebuilt");
    }
}
