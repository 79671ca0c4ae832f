using System.Net;
using CostSync.Oci;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Reads a whole object or one range into a buffer, pinned to the listed version with If-Match: refuses short or long bodies and
/// ranged answers whose <c>Content-Range</c> is not the range asked for, and aborts a body that delivers no bytes for
/// <see cref="TransferSettings.StallTimeout"/>. A 404 becomes <see cref="SourceGoneException"/>.
/// </summary>
internal sealed class SourceReader(IObjectStorageClient client, TransferSettings settings, TimeProvider timeProvider)
{
    /// <summary>The source's metadata, pinned to the listed version (If-Match): OCI's whole-object checksums.</summary>
    public async Task<ObjectMetadata> HeadAsync(SourceObject source, CancellationToken cancellationToken)
    {
        var request = new HeadObjectRequest(source.Namespace, source.Bucket, source.Summary.Name) { IfMatch = source.Summary.ETag };
        return await client.HeadObjectAsync(request, cancellationToken) ?? throw Gone(source, null);
    }

    /// <summary>Fills <paramref name="target"/> exactly; returns the response metadata.</summary>
    public async Task<ObjectMetadata> ReadAsync(SourceObject source, ByteRange? range, Memory<byte> target, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest(source.Namespace, source.Bucket, source.Summary.Name) { Range = range, IfMatch = source.Summary.ETag };
        var where = range is { } r ? $"{source.Summary.Name} ({r})" : source.Summary.Name;
        GetObjectResponse response;
        try
        {
            response = await client.GetObjectAsync(request, cancellationToken);
        }
        catch (OciServiceException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw Gone(source, e);
        }

        await using (response)
        {
            if (range is { } asked)
            {
                CheckContentRange(where, asked, response, source.Summary.Size);
            }

            await FillAsync(where, response.Content, target, cancellationToken);
            return response.Metadata;
        }
    }

    private static void CheckContentRange(string where, ByteRange asked, GetObjectResponse response, long objectSize)
    {
        if (response.ContentRange != asked || response.TotalSize != objectSize)
        {
            var got = response.ContentRange is { } c ? $"{c} of {response.TotalSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes" : "no Content-Range (a whole-object answer)";
            throw new IntegrityException($"OCI answered the read of {where} with {got}, not the range asked for in an object of {objectSize} bytes; nothing from it is used.");
        }
    }

    private static SourceGoneException Gone(SourceObject source, Exception? inner)
    {
        var message = $"{source.Summary.Name} was listed but is no longer in oci://{source.Namespace}/{source.Bucket} (404): it left the source after the listing. Nothing was copied; an archived copy, if any, is kept.";
        return inner is null ? new SourceGoneException(message) : new SourceGoneException(message, inner);
    }

    private async Task FillAsync(string where, Stream body, Memory<byte> target, CancellationToken cancellationToken)
    {
        // One timer for the whole body, pushed back after every read: a half-open connection cannot hold the run.
        using var stall = new CancellationTokenSource(settings.StallTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var filled = 0;
        try
        {
            while (filled < target.Length)
            {
                var read = await body.ReadAsync(target[filled..], linked.Token);
                if (read == 0)
                {
                    throw new IntegrityException($"The source body of {where} ended after {filled} of {target.Length} bytes (truncated read).");
                }

                filled += read;
                stall.CancelAfter(settings.StallTimeout);
            }

            var probe = new byte[1];
            if (await body.ReadAsync(probe, linked.Token) != 0)
            {
                throw new IntegrityException($"The source body of {where} is longer than the {target.Length} bytes expected; the object changed or the server misbehaved.");
            }
        }
        catch (OperationCanceledException e) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The source body of {where} delivered no bytes for {settings.StallTimeout} (CostSync:Transfer:StallTimeout) after {filled} of {target.Length} bytes; the attempt was aborted.", e);
        }
    }
}
