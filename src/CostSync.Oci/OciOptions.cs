namespace CostSync.Oci;

/// <summary>OCI client settings, bound by the host from <c>CostSync:Oci</c>.</summary>
public sealed class OciOptions
{
    /// <summary>The authentication mode.</summary>
    /// <value><see cref="OciAuthMode.InstancePrincipal"/>.</value>
    public OciAuthMode Auth { get; set; } = OciAuthMode.InstancePrincipal;

    /// <summary>The OCI config file for <see cref="OciAuthMode.ApiKey"/> and <see cref="OciAuthMode.SecurityToken"/>.</summary>
    /// <value><c>$OCI_CONFIG_FILE</c>, else <c>~/.oci/config</c>.</value>
    public string? ConfigFile { get; set; }

    /// <summary>The profile in the config file; missing keys fall back to <c>[DEFAULT]</c>.</summary>
    /// <value><c>DEFAULT</c>.</value>
    public string? Profile { get; set; }

    /// <summary>Overrides the region (e.g. <c>us-ashburn-1</c>); discovered from instance metadata or the profile when empty.</summary>
    public string? Region { get; set; }

    /// <summary>Overrides the tenancy OCID; discovered from the instance certificate or the profile when empty.</summary>
    public string? TenancyId { get; set; }

    /// <summary>Per-service endpoint overrides; realm-aware defaults when empty.</summary>
    public OciEndpointOptions Endpoints { get; set; } = new();

    /// <summary>Retry and timeout settings of the OCI HTTP clients.</summary>
    public OciRetryOptions Retry { get; set; } = new();
}
