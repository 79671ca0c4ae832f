namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>ListObjects filters, applied to a sorted snapshot.</summary>
internal sealed record ListingQuery(string Prefix, string? Start, string? End, string? StartAfter, int Limit, string? Delimiter)
{
    private static readonly CodePointComparer Comparer = CodePointComparer.Instance;

    public ListingPage Run(EmulatorObject[] sorted)
    {
        var objects = new List<EmulatorObject>();
        var prefixes = new List<string>();
        int i = LowerBound(sorted, Max(Max(Prefix, Start), StartAfter));
        while (i < sorted.Length)
        {
            string name = sorted[i].Name;
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                break; // names sharing the prefix are contiguous in code-point order
            }

            if (StartAfter is not null && Comparer.Compare(name, StartAfter) <= 0)
            {
                i++;
                continue;
            }

            if (End is not null && Comparer.Compare(name, End) >= 0)
            {
                break;
            }

            if (objects.Count + prefixes.Count == Limit)
            {
                return new ListingPage(objects, prefixes, name);
            }

            int cut = Delimiter is null ? -1 : name.IndexOf(Delimiter, Prefix.Length, StringComparison.Ordinal);
            if (cut < 0)
            {
                objects.Add(sorted[i]);
                i++;
                continue;
            }

            string group = name[..(cut + Delimiter!.Length)];
            prefixes.Add(group);
            while (i < sorted.Length && sorted[i].Name.StartsWith(group, StringComparison.Ordinal))
            {
                i++;
            }
        }

        return new ListingPage(objects, prefixes, null);
    }

    private static string Max(string a, string? b) => b is not null && Comparer.Compare(b, a) > 0 ? b : a;

    private static int LowerBound(EmulatorObject[] sorted, string value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (Comparer.Compare(sorted[mid].Name, value) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
