namespace CostSync.Oci.Endpoints;

/// <summary>The OCI services CostSync talks to.</summary>
internal enum OciService
{
    ObjectStorage,
    Secrets,
    Notifications,
    Auth,
    TelemetryIngestion,
}
