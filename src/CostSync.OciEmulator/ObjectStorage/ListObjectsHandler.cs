using System.Globalization;
using System.Text.Json;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary><c>GET /n/{ns}/b/{bucket}/o</c>: ListObjects with prefix/start/end/startAfter/limit/delimiter/fields.</summary>
internal sealed class ListObjectsHandler(EmulatorStore store, BucketResolver buckets)
{
    public const int MaxLimit = 1000;

    public async Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        if (!await buckets.CheckAsync(request, cancellationToken))
        {
            return;
        }

        IQueryCollection query = request.Request.Query;
        int limit = MaxLimit;
        string limitValue = query["limit"].ToString();
        if (limitValue.Length > 0 && (!int.TryParse(limitValue, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            await OciErrors.InvalidParameterAsync(request.Context, $"Invalid limit '{limitValue}'; expected an integer from 1 to {MaxLimit}.", cancellationToken);
            return;
        }

        string? delimiter = Optional(query, "delimiter");
        if (delimiter is not null and not "/")
        {
            await OciErrors.InvalidParameterAsync(request.Context, $"Invalid delimiter '{delimiter}'; only '/' is supported.", cancellationToken);
            return;
        }

        ListingFields? fields = ListingFields.Parse(Optional(query, "fields"), out string? error);
        if (fields is null)
        {
            await OciErrors.InvalidParameterAsync(request.Context, error!, cancellationToken);
            return;
        }

        var listing = new ListingQuery(Optional(query, "prefix") ?? string.Empty, Optional(query, "start"), Optional(query, "end"), Optional(query, "startAfter"), Math.Min(limit, MaxLimit), delimiter);
        ListingPage page = listing.Run(store.Snapshot());
        await JsonResponse.WriteAsync(request.Response, w => Write(w, page, fields), cancellationToken);
    }

    private static string? Optional(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static void Write(Utf8JsonWriter w, ListingPage page, ListingFields fields)
    {
        w.WriteStartObject();
        w.WriteStartArray("objects");
        foreach (EmulatorObject item in page.Objects)
        {
            w.WriteStartObject();
            w.WriteString("name", item.Name);
            if (fields.Has("size"))
            {
                w.WriteNumber("size", item.Size);
            }

            if (fields.Has("etag"))
            {
                w.WriteString("etag", item.ETag);
            }

            if (fields.Has("md5"))
            {
                w.WriteString("md5", item.ListingMd5);
            }

            if (fields.Has("timeCreated"))
            {
                w.WriteString("timeCreated", JsonResponse.Timestamp(item.TimeCreated));
            }

            if (fields.Has("timeModified"))
            {
                w.WriteString("timeModified", JsonResponse.Timestamp(item.TimeModified));
            }

            if (fields.Has("storageTier"))
            {
                w.WriteString("storageTier", "Standard");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("prefixes");
        foreach (string prefix in page.Prefixes)
        {
            w.WriteStringValue(prefix);
        }

        w.WriteEndArray();
        if (page.NextStartWith is not null)
        {
            w.WriteString("nextStartWith", page.NextStartWith);
        }

        w.WriteEndObject();
    }
}
