using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Transfer;

/// <summary>Reads a whole object or one range into a buffer, pinned to the listed version with If-Match, and refuses short or long bodies.</summary>
internal sealed class SourceReader(IObjectStorageClient client)
{
    /// <summary>Fills <paramref name="target"/> exactly; returns the response metadata.</summary>
    public async Task<ObjectMetadata> ReadAsync(SourceObject source, ByteRange? range, Memory<byte> target, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest(source.Namespace, source.Bucket, source.Summary.Name) { Range = range, IfMatch = source.Summary.ETag };
        await using var response = await client.GetObjectAsync(request, cancellationToken);
        var where = range is { } r ? $"{source.Summary.Name} ({r})" : source.Summary.Name;
        var filled = 0;
        while (filled < target.Length)
        {
            var read = await response.Content.ReadAsync(target[filled..], cancellationToken);
            if (read == 0)
            {
                throw new IntegrityException($"The source body of {where} ended after {filled} of {target.Length} bytes (truncated read).");
            }

            filled += read;
        }

        var probe = new byte[1];
        if (await response.Content.ReadAsync(probe, cancellationToken) != 0)
        {
            throw new IntegrityException($"The source body of {where} is longer than the {target.Length} bytes expected; the object changed or the server misbehaved.");
        }

        return response.Metadata;
    }
}
