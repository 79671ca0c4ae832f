using System.Globalization;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;

namespace CostSync.Sync.Transfer;

/// <summary>Builds the <c>costsync-*</c> user metadata that records a copy's source identity on the object itself.</summary>
internal static class SourceIdentity
{
    public static Dictionary<string, string> Metadata(ObjectSummary source, string runId)
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
