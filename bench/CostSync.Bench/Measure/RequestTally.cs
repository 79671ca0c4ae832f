using System.Globalization;

namespace CostSync.Bench.Measure;

/// <summary>Requests by kind, e.g. <c>list 4, get-object 2, put-object 30</c>; <see cref="ObjectRequests"/> counts report GET/HEAD/PUT only.</summary>
internal sealed record RequestTally(IReadOnlyDictionary<string, int> ByKind)
{
    /// <summary>Kinds that read or write a report itself (not a listing, not CostSync's ledger under <c>.costsync/</c>).</summary>
    public static readonly IReadOnlySet<string> ObjectKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "get-object", "head-object", "put-object", "upload-part",
    };

    public int Total => ByKind.Values.Sum();

    public int ObjectRequests => ByKind.Where(k => ObjectKinds.Contains(k.Key)).Sum(k => k.Value);

    public override string ToString() =>
        Total == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{Total} ({string.Join(", ", ByKind.Where(k => k.Value > 0).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})");
}
