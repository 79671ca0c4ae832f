namespace CostSync.Oci;

/// <summary>Endpoint overrides, one per service. Each is used exactly as given (tests point them at loopback).</summary>
public sealed class OciEndpointOptions
{
    /// <summary>Object Storage. <value>Default: <c>https://objectstorage.{region}.{domain}</c>.</value></summary>
    public Uri? ObjectStorage { get; set; }

    /// <summary>Vault secret retrieval. <value>Default: <c>https://secrets.vaults.{region}.oci.{domain}</c>.</value></summary>
    public Uri? Secrets { get; set; }

    /// <summary>Notifications data plane. <value>Default: <c>https://notification.{region}.{domain}</c>.</value></summary>
    public Uri? Notifications { get; set; }

    /// <summary>The federation (auth) service. <value>Default: <c>https://auth.{region}.{domain}</c>.</value></summary>
    public Uri? Auth { get; set; }

    /// <summary>Monitoring's ingestion endpoint (PostMetricData). <value>Default: <c>https://telemetry-ingestion.{region}.{domain}</c>.</value></summary>
    public Uri? TelemetryIngestion { get; set; }

    /// <summary>Instance metadata (IMDS v2). <value>Default: <c>http://169.254.169.254/opc/v2</c>.</value></summary>
    public Uri? Metadata { get; set; }
}
