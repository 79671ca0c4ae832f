namespace CostSync.Sync.Verification;

/// <summary>
/// Picks a reproducible random sample: <c>ceil(count × percent / 100)</c> items (at least one) from a list in a fixed order, by a
/// partial Fisher–Yates shuffle driven by <see cref="Random(int)"/>, whose sequence for a given seed does not change between runs.
/// </summary>
internal static class SampleSelector
{
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> ordered, double percent, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var count = Math.Min(ordered.Count, Math.Max(1, (int)Math.Ceiling(ordered.Count * percent / 100)));
        var indexes = Enumerable.Range(0, ordered.Count).ToArray();

        // Not for security: a seeded sequence is the point, so the same seed picks the same objects again.
#pragma warning disable CA5394
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }
#pragma warning restore CA5394

        return [.. indexes.Take(count).Order().Select(i => ordered[i])];
    }
}
