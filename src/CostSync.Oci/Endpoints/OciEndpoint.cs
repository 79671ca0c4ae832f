namespace CostSync.Oci.Endpoints;

/// <summary>Where one call goes and why: the base URL, and either the configured override key or the region it was derived from.</summary>
/// <param name="BaseUrl">The base (API prefix included, no trailing slash) that escaped resource paths are appended to.</param>
/// <param name="Service">The service, for messages.</param>
/// <param name="OverrideKey">The configuration key the URL came from (e.g. <c>CostSync:Oci:Endpoints:ObjectStorage</c>), or null when derived from a region.</param>
/// <param name="Region">The region the URL was derived from, or null for an override.</param>
internal sealed record OciEndpoint(string BaseUrl, OciService Service, string? OverrideKey, OciRegion? Region)
{
    /// <summary>The service as operators know it.</summary>
    public string ServiceName => Service switch
    {
        OciService.ObjectStorage => "OCI Object Storage",
        OciService.Secrets => "OCI Vault (secrets)",
        OciService.Notifications => "OCI Notifications",
        OciService.Auth => "the OCI auth (federation) service",
        _ => Service.ToString(),
    };

    /// <summary>What to check when nothing answers there: the override key, or the region (naming the closest known one when it is not known).</summary>
    public string UnreachableHint()
    {
        if (OverrideKey is not null)
        {
            return $"Check `{OverrideKey}` (= {BaseUrl}) and network access to it.";
        }

        string region = Region?.Id ?? "?";
        string unknown = Region is not null && !OciRegions.IsKnown(region)
            ? OciRegions.Closest(region) is { } closest
                ? $", which is not a known OCI region (did you mean `{closest}`?)"
                : ", which is not a known OCI region"
            : string.Empty;
        return $"The endpoint is derived from the region `{region}`{unknown}: the region may be wrong. Check `CostSync:Oci:Region` (or the region of the OCI profile or instance), and network access to OCI from this machine (firewall, proxy: HTTPS_PROXY).";
    }
}
