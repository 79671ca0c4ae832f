namespace CostSync.Sync.Planning;

/// <summary><c>Source:Include</c> / <c>Source:Exclude</c>: a name passes when it matches an include (or there are none) and no exclude.</summary>
internal sealed class NameFilter(IEnumerable<string> include, IEnumerable<string> exclude)
{
    private readonly GlobPattern[] _include = [.. include.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new GlobPattern(p))];
    private readonly GlobPattern[] _exclude = [.. exclude.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new GlobPattern(p))];

    public bool Passes(string name) =>
        (_include.Length == 0 || _include.Any(p => p.IsMatch(name))) && !_exclude.Any(p => p.IsMatch(name));
}
