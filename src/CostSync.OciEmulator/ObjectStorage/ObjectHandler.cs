using System.Globalization;
using System.Net;
using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary><c>HEAD|GET /n/{ns}/b/{bucket}/o/{name}</c> with conditional requests and a single byte range.</summary>
internal sealed class ObjectHandler(EmulatorStore store, BucketResolver buckets, ObjectBodyWriter bodies, FaultInjector faults)
{
    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        if (!await buckets.CheckAsync(request, cancellationToken))
        {
            return;
        }

        string name = ObjectNames.DecodePath(request.Value(2));
        faults.BeforeRead(name);
        if (!store.TryGet(name, out EmulatorObject? item))
        {
            await OciErrors.NotFoundAsync(request.Context, "ObjectNotFound", $"The object '{name}' was not found in the bucket '{ObjectNames.DecodePath(request.Value(1))}'.", cancellationToken);
            return;
        }

        if (request.Route.Operation == Operations.GetObject && faults.HoldFor(name) is { } hold)
        {
            await hold.EnterAsync(cancellationToken);
        }

        HttpResponse response = request.Response;
        response.Headers.ETag = item.ETag;
        response.Headers.LastModified = item.TimeModified.ToString("r", CultureInfo.InvariantCulture);
        if (!Conditions.Matches(request.Request.Headers.IfMatch.ToString(), item.ETag, whenAbsent: true))
        {
            await OciErrors.WriteAsync(request.Context, HttpStatusCode.PreconditionFailed, "PreconditionFailed", $"The If-Match header does not match the current ETag of '{name}'.", cancellationToken);
            return;
        }

        if (Conditions.Matches(request.Request.Headers.IfNoneMatch.ToString(), item.ETag, whenAbsent: false))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        ByteRange? range = ByteRange.Parse(request.Request.Headers.Range.ToString(), item.Size, out bool satisfiable);
        if (!satisfiable)
        {
            response.Headers.ContentRange = $"bytes */{item.Size}";
            await OciErrors.WriteAsync(request.Context, HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange", $"The range '{request.Request.Headers.Range}' cannot be satisfied for an object of {item.Size} bytes.", cancellationToken);
            return;
        }

        ByteRange slice = range ?? new ByteRange(0, item.Size);
        response.ContentType = "application/octet-stream";
        response.Headers.AcceptRanges = "bytes";
        response.Headers["storage-tier"] = "Standard";
        if (item.IsMultipart)
        {
            response.Headers["opc-multipart-md5"] = item.MultipartMd5;
        }
        else if (range is null)
        {
            response.Headers.ContentMD5 = item.Md5;
        }

        if (range is null && item.Crc32c is not null)
        {
            // OCI's whole-object CRC-32C, also for multipart uploads; a ranged read does not carry it.
            response.Headers["opc-content-crc32c"] = item.Crc32c;
        }

        if (range is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {slice.Offset}-{slice.Offset + slice.Length - 1}/{item.Size}";
        }

        response.ContentLength = slice.Length;
        if (request.Route.Operation == Operations.GetObject)
        {
            if (item.Composed is { } composed)
            {
                // Generated benchmark content: served from its shared segments (no fault injection on these).
                await composed.WriteToAsync(response.Body, slice.Offset, slice.Length, cancellationToken);
            }
            else
            {
                await bodies.WriteAsync(request, item.Content.Slice((int)slice.Offset, (int)slice.Length), cancellationToken);
            }
        }
    }
}
