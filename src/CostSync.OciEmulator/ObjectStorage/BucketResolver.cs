using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>Checks namespace and bucket of a request, answering 404 NamespaceNotFound / BucketNotFound like OCI.</summary>
internal sealed class BucketResolver(string tenancyId)
{
    public const string BlingNamespace = "bling";

    /// <returns><see langword="true"/> when the request addresses the bling bucket; otherwise the 404 has been written.</returns>
    public async Task<bool> CheckAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        string ns = ObjectNames.DecodePath(request.Value(0));
        string bucket = ObjectNames.DecodePath(request.Value(1));
        if (ns != BlingNamespace)
        {
            await OciErrors.NotFoundAsync(request.Context, "NamespaceNotFound", $"Either the namespace '{ns}' does not exist or you are not authorized to view it.", cancellationToken);
            return false;
        }

        if (bucket != tenancyId)
        {
            await OciErrors.NotFoundAsync(request.Context, "BucketNotFound", $"Either the bucket named '{bucket}' does not exist in the namespace '{ns}' or you are not authorized to access it.", cancellationToken);
            return false;
        }

        return true;
    }
}
