namespace CostSync.Oci.ObjectStorage;

/// <summary>The read side of OCI Object Storage, shaped like the OCI SDK's <c>ObjectStorageClient</c>.</summary>
public interface IObjectStorageClient
{
    /// <summary>Gets the namespace of the caller's tenancy (<c>GET /n/</c>).</summary>
    /// <exception cref="OciServiceException">The service answered with an error.</exception>
    Task<string> GetNamespaceAsync(CancellationToken cancellationToken);

    /// <summary>Lists every object matching the request, following <c>nextStartWith</c> over all pages.</summary>
    /// <exception cref="OciServiceException">The service answered with an error; on <c>bling</c> a 404 explains its two real causes.</exception>
    IAsyncEnumerable<ObjectSummary> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken);

    /// <summary>Reads an object's metadata; <see langword="null"/> when the object does not exist.</summary>
    /// <exception cref="OciServiceException">The service answered with an error other than 404.</exception>
    Task<ObjectMetadata?> HeadObjectAsync(HeadObjectRequest request, CancellationToken cancellationToken);

    /// <summary>Opens an object (or one byte range of it) as a stream. Bytes arrive unchanged: no decompression.</summary>
    /// <remarks>The caller owns the response and must dispose it.</remarks>
    /// <exception cref="OciServiceException">The service answered with an error, e.g. 404, or 412 when <see cref="GetObjectRequest.IfMatch"/> no longer matches.</exception>
    Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken);
}
