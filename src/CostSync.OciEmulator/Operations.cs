namespace CostSync.OciEmulator;

/// <summary>Operation names recorded in the <see cref="Requests.RequestLog"/> and used by fault rules.</summary>
internal static class Operations
{
    public const string GetNamespace = "GetNamespace";
    public const string ListObjects = "ListObjects";
    public const string GetObject = "GetObject";
    public const string HeadObject = "HeadObject";
    public const string GetSecretBundle = "GetSecretBundle";
    public const string GetSecretBundleByName = "GetSecretBundleByName";
    public const string PublishMessage = "PublishMessage";
    public const string PostMetricData = "PostMetricData";
    public const string Federation = "Federation";
    public const string Metadata = "Metadata";
    public const string Unknown = "Unknown";
}
