namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>Decodes path segments the way Object Storage does: percent-decoding (UTF-8); <c>+</c> stays a plus.</summary>
internal static class ObjectNames
{
    public static string DecodePath(string raw) => Uri.UnescapeDataString(raw);
}
