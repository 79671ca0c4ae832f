using System.Collections.Frozen;

namespace CostSync.Oci.Endpoints;

/// <summary>Turns a region identifier or short code (as configured, or from instance metadata) into an <see cref="OciRegion"/>.</summary>
internal static class OciRegions
{
    private static readonly FrozenDictionary<string, string> ShortCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["iad"] = "us-ashburn-1",
        ["phx"] = "us-phoenix-1",
        ["sjc"] = "us-sanjose-1",
        ["ord"] = "us-chicago-1",
        ["fra"] = "eu-frankfurt-1",
        ["lhr"] = "uk-london-1",
        ["ams"] = "eu-amsterdam-1",
        ["zrh"] = "eu-zurich-1",
        ["cdg"] = "eu-paris-1",
        ["nrt"] = "ap-tokyo-1",
        ["kix"] = "ap-osaka-1",
        ["syd"] = "ap-sydney-1",
        ["mel"] = "ap-melbourne-1",
        ["bom"] = "ap-mumbai-1",
        ["hyd"] = "ap-hyderabad-1",
        ["sin"] = "ap-singapore-1",
        ["icn"] = "ap-seoul-1",
        ["yyz"] = "ca-toronto-1",
        ["yul"] = "ca-montreal-1",
        ["gru"] = "sa-saopaulo-1",
        ["jed"] = "me-jeddah-1",
        ["dxb"] = "me-dubai-1",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Regions outside the commercial realm; everything else is oc1, as in the SDKs.
    private static readonly FrozenDictionary<string, string> RealmOfRegion = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us-langley-1"] = "oc2",
        ["us-luke-1"] = "oc2",
        ["us-gov-ashburn-1"] = "oc3",
        ["us-gov-chicago-1"] = "oc3",
        ["us-gov-phoenix-1"] = "oc3",
        ["uk-gov-london-1"] = "oc4",
        ["uk-gov-cardiff-1"] = "oc4",
        ["ap-chiyoda-1"] = "oc8",
        ["ap-ibaraki-1"] = "oc8",
        ["eu-frankfurt-2"] = "oc19",
        ["eu-madrid-2"] = "oc19",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <c>us-ashburn-1</c> or a known short code such as <c>iad</c>.</summary>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public static OciRegion Parse(string regionOrShortCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionOrShortCode);
        string value = regionOrShortCode.Trim().ToLowerInvariant();
        string id = ShortCodes.TryGetValue(value, out string? mapped) ? mapped : value;
        string realm = RealmOfRegion.TryGetValue(id, out string? r) ? r : OciRealms.Commercial;
        return new OciRegion(id, OciRealms.DomainOf(realm));
    }

    /// <summary>The region and realm named in a resource OCID (<c>ocid1.type.realm.region.unique</c>), when it names one.</summary>
    public static OciRegion? FromOcid(string? ocid)
    {
        if (string.IsNullOrEmpty(ocid))
        {
            return null;
        }

        string[] parts = ocid.Split('.');
        if (parts.Length < 5 || parts[3].Length == 0 || !parts[2].StartsWith("oc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            OciRegion region = Parse(parts[3]);
            return region with { RealmDomain = OciRealms.DomainOf(parts[2]) };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
