namespace CostSync.Tests.Host.Support;

/// <summary>A valid baseline configuration for host tests (S3 destination, Vault JSON secret, state in a temp folder).</summary>
internal static class TestSettings
{
    public static Dictionary<string, string?> Valid(string stateDirectory) => new()
    {
        ["CostSync:StateDirectory"] = stateDirectory,
        ["CostSync:Logging:Path"] = string.Empty,
        ["CostSync:Oci:Auth"] = "ApiKey",
        ["CostSync:Oci:TenancyId"] = "ocid1.tenancy.oc1..test",
        ["CostSync:Destination:Kind"] = "S3",
        ["CostSync:Destination:Bucket"] = "cost-reports",
        ["CostSync:Destination:Credentials:SecretId"] = "ocid1.vaultsecret.oc1.iad.keys",
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }
}
