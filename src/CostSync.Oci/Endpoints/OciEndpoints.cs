namespace CostSync.Oci.Endpoints;

/// <summary>Realm-aware default endpoints and the API path prefix of each service.</summary>
internal static class OciEndpoints
{
    /// <summary>Instance metadata service v2.</summary>
    public static readonly Uri DefaultMetadata = new("http://169.254.169.254/opc/v2/", UriKind.Absolute);

    /// <summary>The default host URI of <paramref name="service"/> in <paramref name="region"/>.</summary>
    public static Uri DefaultHost(OciService service, OciRegion region) => service switch
    {
        OciService.ObjectStorage => new Uri($"https://objectstorage.{region.Id}.{region.RealmDomain}/", UriKind.Absolute),
        OciService.Secrets => new Uri($"https://secrets.vaults.{region.Id}.oci.{region.RealmDomain}/", UriKind.Absolute),
        OciService.Notifications => new Uri($"https://notification.{region.Id}.{region.RealmDomain}/", UriKind.Absolute),
        OciService.Auth => new Uri($"https://auth.{region.Id}.{region.RealmDomain}/", UriKind.Absolute),
        OciService.TelemetryIngestion => new Uri($"https://telemetry-ingestion.{region.Id}.{region.RealmDomain}/", UriKind.Absolute),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>The API path prefix of <paramref name="service"/> (empty for Object Storage, whose paths start at <c>/n/</c>).</summary>
    public static string PathPrefix(OciService service) => service switch
    {
        OciService.ObjectStorage => "",
        OciService.Secrets => "/20190301",
        OciService.Notifications => "/20181201",
        OciService.Auth => "/v1",
        OciService.TelemetryIngestion => "/20180401",
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>
    /// The base (scheme, authority, any path of the host URI, plus the API prefix, no trailing slash) that escaped
    /// resource paths are appended to. An override host is used as given.
    /// </summary>
    public static string BaseOf(OciService service, Uri host) => host.AbsoluteUri.TrimEnd('/') + PathPrefix(service);

    /// <summary>The configured override for <paramref name="service"/>, if any.</summary>
    public static Uri? OverrideOf(OciService service, OciEndpointOptions endpoints) => service switch
    {
        OciService.ObjectStorage => endpoints.ObjectStorage,
        OciService.Secrets => endpoints.Secrets,
        OciService.Notifications => endpoints.Notifications,
        OciService.Auth => endpoints.Auth,
        OciService.TelemetryIngestion => endpoints.TelemetryIngestion,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };
}
