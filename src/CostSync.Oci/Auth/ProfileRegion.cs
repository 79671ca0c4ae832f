using CostSync.Oci.Endpoints;

namespace CostSync.Oci.Auth;

/// <summary>The region of a config-file principal: <c>CostSync:Oci:Region</c>, else the profile's <c>region</c>.</summary>
internal static class ProfileRegion
{
    /// <exception cref="OciConfigurationException">Neither is set.</exception>
    public static OciRegion Parse(string? region, string source) =>
        string.IsNullOrWhiteSpace(region)
            ? throw new OciConfigurationException($"No OCI region: set CostSync:Oci:Region (e.g. us-ashburn-1) or {source}.")
            : OciRegions.Parse(region);
}
