namespace CostSync.OciEmulator.Identity;

/// <summary>Region identifier → short code, as IMDS <c>instance/region</c> reports it.</summary>
internal static class RegionCodes
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["us-ashburn-1"] = "iad",
        ["us-phoenix-1"] = "phx",
        ["eu-frankfurt-1"] = "fra",
        ["uk-london-1"] = "lhr",
        ["eu-amsterdam-1"] = "ams",
        ["ap-tokyo-1"] = "nrt",
        ["ap-sydney-1"] = "syd",
        ["ap-mumbai-1"] = "bom",
        ["ap-singapore-1"] = "sin",
        ["ca-toronto-1"] = "yyz",
        ["sa-saopaulo-1"] = "gru",
    };

    /// <summary>The short code, or the identifier itself when unknown.</summary>
    public static string ShortCode(string region) => Codes.TryGetValue(region, out string? code) ? code : region;
}
