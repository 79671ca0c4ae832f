using System.Globalization;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Superseded;

/// <summary>
/// Before a changed report overwrites its archived copy, keeps the archived bytes: a server-side copy to
/// <c>.costsync/superseded/&lt;name&gt;/&lt;old ETag&gt;</c> (a timestamp when the ETag is unknown), unless the store keeps
/// overwritten versions itself. Throws when it cannot; the caller must then not overwrite.
/// </summary>
internal sealed class SupersededCopier(TimeProvider timeProvider, ILogger<SupersededCopier> logger)
{
    /// <summary>The ledger entry of the preserved copy, or <see langword="null"/> when the bucket's versioning keeps the old bytes.</summary>
    public async Task<LedgerEntry?> PreserveAsync(IDestination destination, KeyLayout layout, PlannedItem item, LedgerEntry? previous, string runId, CancellationToken cancellationToken)
    {
        var existing = item.Existing ?? throw new InvalidOperationException($"{item.DestinationKey} has no listed destination object to preserve.");
        if (await VersionedAsync(destination, cancellationToken))
        {
            Log.SupersededKeptAsVersion(logger, destination.Description, existing.Key);
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var tag = Tag(existing.ETag ?? previous?.DestinationETag) ?? now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var key = layout.SupersededKeyFor(item.Name, tag);

        // An ETag names content, so a copy already there under it holds these bytes (a report that changed back and forth).
        var already = await destination.HeadObjectAsync(key, cancellationToken);
        var copied = already is not null && already.Size == existing.Size
            ? new DestinationWriteResult(already.ETag, already.VersionId)
            : await destination.CopyObjectAsync(existing.Key, existing.ETag, existing.Size, key, cancellationToken);
        Log.SupersededPreserved(logger, existing.Key, key);
        return new LedgerEntry(
            previous?.Name ?? item.Name,
            previous?.Size ?? existing.Size,
            previous?.Md5,
            previous?.MultipartMd5,
            previous?.ETag,
            previous?.TimeCreated,
            key,
            copied.ETag,
            copied.VersionId,
            now,
            runId)
        {
            SupersededFrom = existing.Key,
            SourceCrc32c = previous?.SourceCrc32c,
        };
    }

    private async Task<bool> VersionedAsync(IDestination destination, CancellationToken cancellationToken)
    {
        try
        {
            return await destination.IsVersioningEnabledAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not allowed to ask (no s3:GetBucketVersioning) or not implemented: copying is the safe answer.
            Log.VersioningUnknown(logger, destination.Description, e.Message);
            return false;
        }
    }

    /// <summary>The ETag as a key segment, or <see langword="null"/> when it has characters a key segment should not.</summary>
    private static string? Tag(string? etag)
    {
        var tag = etag?.Trim('"');
        return string.IsNullOrEmpty(tag) || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || tag is "." or ".." ? null : tag;
    }
}
