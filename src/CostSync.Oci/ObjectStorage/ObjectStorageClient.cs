using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CostSync.Oci.Api;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Http;

namespace CostSync.Oci.ObjectStorage;

/// <summary>Object Storage over HTTP: a typed client whose handlers sign (inside) and retry (outside) every request.</summary>
internal sealed class ObjectStorageClient(HttpClient http, OciEndpointResolver endpoints, IOciAuthProvider auth, TimeProvider time) : IObjectStorageClient
{
    public async Task<string> GetNamespaceAsync(CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await EndpointAsync(cancellationToken);
        var call = new OciCall("GetNamespace", auth.Description) { Endpoint = endpoint };
        Uri uri = OciHttp.BuildUri(endpoint.BaseUrl, "/n/");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using HttpResponseMessage response = await OciHttp.SendAsync(http, request, HttpCompletionOption.ResponseContentRead, call, cancellationToken);
        await EnsureSuccessAsync(response, call, cancellationToken);
        string json = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonSerializer.Deserialize(json, OciJsonContext.Default.String)
            ?? throw new OciServiceException(response.StatusCode, null, "GetNamespace answered without a namespace.", OciErrors.HeaderValue(response, "opc-request-id"));
    }

    public async IAsyncEnumerable<ObjectSummary> ListObjectsAsync(ListObjectsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = new OciCall("ListObjects", auth.Description, request.NamespaceName) { BucketName = request.BucketName };
        string path = $"/n/{OciHttp.Segment(request.NamespaceName)}/b/{OciHttp.Segment(request.BucketName)}/o";
        string? start = request.Start;
        string limit = Math.Clamp(request.Limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        do
        {
            call = call with { Endpoint = await EndpointAsync(cancellationToken) };
            Uri uri = OciHttp.BuildUri(call.Endpoint.BaseUrl, path,
                ("prefix", request.Prefix), ("start", start), ("limit", limit), ("fields", request.Fields));
            ListObjectsResponseDto page;
            using (var message = new HttpRequestMessage(HttpMethod.Get, uri))
            using (HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, call, cancellationToken))
            {
                await EnsureSuccessAsync(response, call, cancellationToken);
                string json = await response.Content.ReadAsStringAsync(cancellationToken);
                page = JsonSerializer.Deserialize(json, OciJsonContext.Default.ListObjectsResponseDto)
                    ?? throw new OciServiceException(response.StatusCode, null, "ListObjects answered with an empty body.", OciErrors.HeaderValue(response, "opc-request-id"));
            }

            foreach (ObjectSummaryDto o in page.Objects ?? [])
            {
                yield return new ObjectSummary(o.Name, o.Size ?? 0, o.Md5, o.Etag, o.TimeCreated, o.TimeModified);
            }

            start = page.NextStartWith;
        }
        while (!string.IsNullOrEmpty(start));
    }

    public async Task<ObjectMetadata?> HeadObjectAsync(HeadObjectRequest request, CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await EndpointAsync(cancellationToken);
        var call = new OciCall("HeadObject", auth.Description, request.NamespaceName) { Endpoint = endpoint, BucketName = request.BucketName };
        Uri uri = ObjectUri(endpoint, request.NamespaceName, request.BucketName, request.ObjectName);
        using var message = new HttpRequestMessage(HttpMethod.Head, uri);
        AddIfMatch(message, request.IfMatch);
        using HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, call, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, call, cancellationToken);
        return ReadMetadata(response);
    }

    public async Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken)
    {
        OciEndpoint endpoint = await EndpointAsync(cancellationToken);
        var call = new OciCall("GetObject", auth.Description, request.NamespaceName) { Endpoint = endpoint, BucketName = request.BucketName };
        Uri uri = ObjectUri(endpoint, request.NamespaceName, request.BucketName, request.ObjectName);
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        if (request.Range is { } range)
        {
            message.Headers.Range = new RangeHeaderValue(range.Offset, range.Last);
        }

        AddIfMatch(message, request.IfMatch);

        // Headers only: the body streams to the caller and is never buffered or retried mid-stream.
        HttpResponseMessage response = await OciHttp.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, call, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, call, cancellationToken);
            ObjectMetadata metadata = ReadMetadata(response);
            ContentRangeHeaderValue? contentRange = response.Content.Headers.ContentRange;
            long? total = contentRange?.Length ?? response.Content.Headers.ContentLength;
            Stream content = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new GetObjectResponse(metadata, content, total, response) { ContentRange = RangeOf(contentRange) };
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void AddIfMatch(HttpRequestMessage message, string? ifMatch)
    {
        if (!string.IsNullOrEmpty(ifMatch))
        {
            // OCI entity tags are sent back exactly as the service gave them (they are not always quoted).
            message.Headers.TryAddWithoutValidation("if-match", ifMatch);
        }
    }

    private static ByteRange? RangeOf(ContentRangeHeaderValue? header) =>
        header is { From: { } from, To: { } to } && to >= from ? new ByteRange(from, to - from + 1) : null;

    private async Task EnsureSuccessAsync(HttpResponseMessage response, OciCall call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && call.NamespaceName == "bling")
            {
                // bling keeps a tenancy's reports in the bucket named after its OCID: the message compares the two.
                call = call with { TenancyId = await TenancyOrNullAsync(cancellationToken) };
            }

            throw await OciErrors.FromResponseAsync(response, call, time, cancellationToken);
        }
    }

    private async Task<string?> TenancyOrNullAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await auth.GetTenancyIdAsync(cancellationToken);
        }
        catch (Exception e) when (e is OciServiceException or OciConfigurationException)
        {
            return null;
        }
    }

    private ValueTask<OciEndpoint> EndpointAsync(CancellationToken cancellationToken) =>
        endpoints.ResolveAsync(OciService.ObjectStorage, null, cancellationToken);

    private static Uri ObjectUri(OciEndpoint endpoint, string namespaceName, string bucketName, string objectName) =>
        OciHttp.BuildUri(endpoint.BaseUrl,
            $"/n/{OciHttp.Segment(namespaceName)}/b/{OciHttp.Segment(bucketName)}/o/{OciHttp.Segment(objectName)}");

    private static ObjectMetadata ReadMetadata(HttpResponseMessage response)
    {
        HttpContentHeaders content = response.Content.Headers;
        return new ObjectMetadata(
            content.ContentLength ?? 0,
            OciErrors.HeaderValue(response, "etag"),
            OciErrors.HeaderValue(response, "content-md5"),
            OciErrors.HeaderValue(response, "opc-multipart-md5"),
            content.LastModified,
            OciErrors.HeaderValue(response, "content-type"),
            OciErrors.HeaderValue(response, "content-encoding"),
            OciErrors.HeaderValue(response, "opc-request-id"))
        {
            OpcContentCrc32c = OciErrors.HeaderValue(response, "opc-content-crc32c"),
        };
    }
}
