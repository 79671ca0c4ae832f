using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary><c>GET /n/</c>: the caller tenancy's namespace as a JSON string.</summary>
internal sealed class NamespaceHandler(string namespaceName)
{
    public Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken) =>
        JsonResponse.WriteAsync(request.Response, w => w.WriteStringValue(namespaceName), cancellationToken);
}
