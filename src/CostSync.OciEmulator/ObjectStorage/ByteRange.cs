using System.Globalization;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>A single <c>Range: bytes=…</c> request resolved against an object size.</summary>
internal readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>Parses the header.</summary>
    /// <returns>
    /// <see langword="null"/> with <paramref name="satisfiable"/> true when there is no (usable) range: serve the whole object;
    /// <see langword="null"/> with <paramref name="satisfiable"/> false when the range cannot be served (416).
    /// </returns>
    public static ByteRange? Parse(string? header, long size, out bool satisfiable)
    {
        satisfiable = true;
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string spec = header["bytes=".Length..].Trim();
        int dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || spec.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        string first = spec[..dash].Trim();
        string last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long suffix))
            {
                return null;
            }

            satisfiable = suffix > 0 && size > 0;
            return satisfiable ? new ByteRange(Math.Max(0, size - suffix), Math.Min(suffix, size)) : null;
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long start))
        {
            return null;
        }

        long end = size - 1;
        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
            {
                return null;
            }
        }

        if (start >= size)
        {
            satisfiable = false;
            return null;
        }

        end = Math.Min(end, size - 1);
        return new ByteRange(start, end - start + 1);
    }
}
