using F23.StringSimilarity;

namespace CostSync.Oci;

/// <summary>Finds the known name an operator most likely meant (a typo, a missing dash), for "did you mean" hints.</summary>
internal static class ClosestName
{
    /// <summary>
    /// The candidate nearest to <paramref name="name"/> by optimal string alignment distance (case-insensitive),
    /// when it is close enough to be a typo (at most 2 edits, or a third of the name), else one that contains it; null otherwise.
    /// </summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        var typed = name.Trim().ToLowerInvariant();
        if (typed.Length == 0)
        {
            return null;
        }

        var distance = new OptimalStringAlignment();
        var limit = Math.Max(2, typed.Length / 3);
        string? best = null;
        var bestDistance = double.MaxValue;
        string? containing = null;
        foreach (var candidate in candidates)
        {
            var known = candidate.ToLowerInvariant();
            var d = distance.Distance(typed, known);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }

            if (containing is null && typed.Length >= 3 && known.Contains(typed, StringComparison.Ordinal))
            {
                containing = candidate;
            }
        }

        return bestDistance <= limit ? best : containing;
    }
}
