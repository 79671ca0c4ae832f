using System.Globalization;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;

namespace CostSync.Sync.Transfer;

/// <summary>Builds the <c>costsync-*</c> user metadata that records a copy's source identity on the object itself.</summary>
internal static class SourceIdentity
{
    /// <summary>The metadata for a copy of <paramref name="source"/>; <paramref name="crc32c"/> is the source's CRC-32C when known before the write.</summary>
    public static Dictionary<string, string> Metadata(ObjectSummary source, string runId, string? crc32c)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ObjectMetadataNames.SourceSize] = source.Size.ToString(CultureInfo.InvariantCulture),
            [ObjectMetadataNames.RunId] = runId,
        };
        if (source.Md5 is { } md5)
        {
            metadata[source.IsMultipartMd5 ? ObjectMetadataNames.SourceMultipartMd5 : ObjectMetadataNames.SourceMd5] = md5;
        }

        if (crc32c is not null)
        {
            metadata[ObjectMetadataNames.SourceCrc32c] = crc32c;
        }

        if (source.ETag is { } etag)
        {
            metadata[ObjectMetadataNames.SourceETag] = etag;
        }

        if (source.TimeCreated is { } created)
        {
            metadata[ObjectMetadataNames.SourceTimeCreated] = created.ToString("O", CultureInfo.InvariantCulture);
        }

        return metadata;
    }
}
