namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>Evaluates If-Match / If-None-Match lists (quoted or bare ETags, or <c>*</c>).</summary>
internal static class Conditions
{
    public static bool Matches(string header, string etag, bool whenAbsent)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return whenAbsent;
        }

        foreach (string candidate in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string value = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (value == "*" || value.Trim('"') == etag)
            {
                return true;
            }
        }

        return false;
    }
}
