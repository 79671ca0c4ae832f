using System.Text;

namespace CostSync.Sync.Validation;

/// <summary>A report's first line split into column names: a UTF-8 byte order mark dropped, RFC 4180 quoting undone, names kept exactly (a trailing space too).</summary>
/// <param name="Columns">The column names; empty when <see cref="Problem"/> is set.</param>
/// <param name="ByteOrderMark">True when the line started with a UTF-8 byte order mark.</param>
/// <param name="Problem">Why the line is no header at all (not UTF-8, empty).</param>
internal sealed record HeaderLine(IReadOnlyList<string> Columns, bool ByteOrderMark, string? Problem)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the first line without its line break.</summary>
    public static HeaderLine Parse(ReadOnlySpan<byte> line)
    {
        var bom = line.StartsWith("\uFEFF"u8);
        if (bom)
        {
            line = line[3..];
        }

        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return new HeaderLine([], bom, "the first line is not UTF-8 text");
        }

        return text.Length == 0
            ? new HeaderLine([], bom, "the first line is empty")
            : new HeaderLine(Split(text), bom, null);
    }

    private static List<string> Split(string text)
    {
        var columns = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                columns.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        columns.Add(current.ToString());
        return columns;
    }
}
