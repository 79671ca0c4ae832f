using CostSync.OciEmulator.Identity;
using CostSync.OciEmulator.Monitoring;
using CostSync.OciEmulator.Notifications;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.OciEmulator.Secrets;

namespace CostSync.OciEmulator.Hosting;

/// <summary>Dispatches an authenticated request to the handler of its operation.</summary>
internal sealed class OperationHandlers(
    NamespaceHandler namespaces,
    ListObjectsHandler listings,
    ObjectHandler objects,
    SecretsHandler secrets,
    NotificationsHandler notifications,
    MetricsHandler metrics,
    MetadataHandler metadata,
    FederationHandler federation)
{
    public Task HandleAsync(EmulatorRequest request, CancellationToken cancellationToken) => request.Route.Operation switch
    {
        Operations.GetNamespace => namespaces.HandleAsync(request, cancellationToken),
        Operations.ListObjects => listings.HandleAsync(request, cancellationToken),
        Operations.GetObject or Operations.HeadObject => objects.HandleAsync(request, cancellationToken),
        Operations.GetSecretBundle or Operations.GetSecretBundleByName => secrets.HandleAsync(request, cancellationToken),
        Operations.PublishMessage => notifications.HandleAsync(request, cancellationToken),
        Operations.PostMetricData => metrics.HandleAsync(request, cancellationToken),
        Operations.Metadata => metadata.HandleAsync(request, cancellationToken),
        Operations.Federation => federation.HandleAsync(request, cancellationToken),
        _ => OciErrors.NotFoundAsync(request.Context, "NotFound", $"No OCI operation is served at {request.Request.Method} {request.RawPath}.", cancellationToken),
    };
}
