using CostSync.Oci;
using CostSync.Oci.Endpoints;

namespace CostSync.Configuration;

/// <summary>Settings that are valid but probably wrong: logged at start-up and shown by <c>doctor</c>, never fatal.</summary>
internal static class ConfigurationWarnings
{
    public static IReadOnlyList<string> Find(OciOptions oci)
    {
        var warnings = new List<string>();
        if (oci.Region is { Length: > 0 } region && !OciRegions.IsKnown(region))
        {
            var closest = OciRegions.Closest(region) is { } known ? $" (did you mean `{known}`?)" : string.Empty;
            warnings.Add($"`CostSync:Oci:Region` = `{region}` is not an OCI region CostSync knows{closest}. "
                + "If OCI opened it recently, this warning is harmless; otherwise fix it, as every OCI endpoint is derived from it and bling answers only in the home region.");
        }

        return warnings;
    }
}
