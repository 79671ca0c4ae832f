using System.Globalization;

namespace CostSync.Oci.Endpoints;

/// <summary>Realm keys (<c>oc1</c>, <c>oc2</c>, …) and their second-level domains, as in the OCI SDKs' region tables.</summary>
internal static class OciRealms
{
    /// <summary>The commercial realm, the SDKs' default for unknown regions.</summary>
    public const string Commercial = "oc1";

    /// <summary>The domain of <paramref name="realmKey"/>, e.g. <c>oraclecloud.com</c> for <c>oc1</c>.</summary>
    public static string DomainOf(string realmKey)
    {
        string key = realmKey.Trim().ToLowerInvariant();
        return key switch
        {
            "oc1" => "oraclecloud.com",
            "oc2" or "oc3" => "oraclegovcloud.com",
            "oc4" => "oraclegovcloud.uk",
            "oc8" => "oraclecloud8.com",
            "oc19" => "oraclecloud.eu",
            _ when key.StartsWith("oc", StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int number) => $"oraclecloud{number}.com",
            _ => throw new ArgumentException($"'{realmKey}' is not an OCI realm key (oc1, oc2, …).", nameof(realmKey)),
        };
    }
}
