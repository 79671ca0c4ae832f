using CostSync.Oci.Auth;
using Microsoft.Extensions.Options;

namespace CostSync.Oci.Endpoints;

/// <summary>Picks the base URL of each call: the configured override, else the service in the resource's region (from its OCID), else the principal's region.</summary>
internal sealed class OciEndpointResolver
{
    private readonly OciOptions _options;
    private readonly IOciAuthProvider _auth;

    public OciEndpointResolver(IOptions<OciOptions> options, IOciAuthProvider auth)
    {
        _options = options.Value;
        _auth = auth;
    }

    /// <summary>The base URL (API prefix included, no trailing slash) for <paramref name="service"/>.</summary>
    /// <param name="service">The service.</param>
    /// <param name="resourceOcid">The OCID of the vault, secret or topic the call targets; its region wins over the principal's.</param>
    /// <param name="cancellationToken">Cancels region discovery.</param>
    public async ValueTask<string> GetBaseAsync(OciService service, string? resourceOcid, CancellationToken cancellationToken) =>
        (await ResolveAsync(service, resourceOcid, cancellationToken)).BaseUrl;

    /// <summary>The base URL for <paramref name="service"/> and where it came from (override key or region), for error messages.</summary>
    /// <param name="service">The service.</param>
    /// <param name="resourceOcid">The OCID of the vault, secret or topic the call targets; its region wins over the principal's.</param>
    /// <param name="cancellationToken">Cancels region discovery.</param>
    public async ValueTask<OciEndpoint> ResolveAsync(OciService service, string? resourceOcid, CancellationToken cancellationToken)
    {
        if (OciEndpoints.OverrideOf(service, _options.Endpoints) is { } configured)
        {
            return new OciEndpoint(OciEndpoints.BaseOf(service, configured), service, $"CostSync:Oci:Endpoints:{service}", null);
        }

        OciRegion region = OciRegions.FromOcid(resourceOcid) ?? await _auth.GetRegionAsync(cancellationToken);
        return new OciEndpoint(OciEndpoints.BaseOf(service, OciEndpoints.DefaultHost(service, region)), service, null, region);
    }
}
